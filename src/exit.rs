//! Exit codes in one place, so scripts and tests can rely on them.

/// How the process ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitCode {
    /// Everything went as asked.
    Success,
    /// A failure at run time (I/O, a file that could not be written).
    Failure,
    /// Bad usage or invalid input (a malformed pack or fact file, an unknown option).
    Invalid,
    /// Stopped by Ctrl-C (SIGINT).
    Interrupted,
}

impl From<ExitCode> for i32 {
    fn from(code: ExitCode) -> i32 {
        match code {
            ExitCode::Success => 0,
            ExitCode::Failure => 1,
            ExitCode::Invalid => 2,
            ExitCode::Interrupted => 130,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_documented_ones() {
        assert_eq!(i32::from(ExitCode::Success), 0);
        assert_eq!(i32::from(ExitCode::Failure), 1);
        assert_eq!(i32::from(ExitCode::Invalid), 2);
        assert_eq!(i32::from(ExitCode::Interrupted), 130);
    }
}
