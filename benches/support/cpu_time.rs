//! The CPU time of the current thread, shared by the benchmarks: unlike wall-clock time it stays
//! meaningful when other processes share the cores.

use std::time::Duration;

/// CPU time this thread has used so far (Linux); elsewhere, wall-clock time since the first call.
#[cfg(target_os = "linux")]
pub fn thread_cpu_time() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `clock_gettime` writes one `timespec` through a pointer to a live, writable one.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    assert_eq!(status, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    Duration::new(
        u64::try_from(now.tv_sec).unwrap_or(0),
        u32::try_from(now.tv_nsec).unwrap_or(0),
    )
}

/// CPU time this thread has used so far (Linux); elsewhere, wall-clock time since the first call.
#[cfg(not(target_os = "linux"))]
pub fn thread_cpu_time() -> Duration {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

/// CPU time all threads of this process have used so far (Linux); elsewhere, wall-clock time since the
/// first call. Work a call hands to other threads counts here, not in [`thread_cpu_time`].
#[cfg(target_os = "linux")]
#[allow(dead_code)]
pub fn process_cpu_time() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `clock_gettime` writes one `timespec` through a pointer to a live, writable one.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut now) };
    assert_eq!(status, 0, "clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed");
    Duration::new(
        u64::try_from(now.tv_sec).unwrap_or(0),
        u32::try_from(now.tv_nsec).unwrap_or(0),
    )
}

/// CPU time all threads of this process have used so far (Linux); elsewhere, wall-clock time since the
/// first call.
#[cfg(not(target_os = "linux"))]
#[allow(dead_code)]
pub fn process_cpu_time() -> Duration {
    thread_cpu_time()
}
