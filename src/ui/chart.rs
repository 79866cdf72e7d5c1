//! Terminal bar charts for `trivia stats`: horizontal bars (accuracy per category) and columns (the
//! score trend), drawn with block characters in eighths.

/// Horizontal bars: one line per `(label, value, note)`, scaled so `max` fills `width` cells.
pub fn bars(rows: &[(String, f64, String)], max: f64, width: usize) -> Vec<String> {
    const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    let label_width = rows
        .iter()
        .map(|(label, ..)| label.chars().count())
        .max()
        .unwrap_or(0);
    rows.iter()
        .map(|(label, value, note)| {
            let fraction = if max > 0.0 {
                (value / max).clamp(0.0, 1.0)
            } else {
                0.0
            };
            let eighths = (fraction * width as f64 * 8.0).round() as usize;
            let mut bar = "█".repeat(eighths / 8);
            bar.push_str(EIGHTHS[eighths % 8]);
            let used = eighths / 8 + usize::from(eighths % 8 > 0);
            bar.push_str(&" ".repeat(width.saturating_sub(used)));
            format!("  {label:<label_width$} │{bar}│ {note}")
        })
        .collect()
}

/// Columns, one per value, `height` lines tall, with the largest value at the top line and a base line.
pub fn columns(values: &[u64], height: usize) -> Vec<String> {
    const EIGHTHS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    let levels: Vec<usize> = values
        .iter()
        .map(|&value| ((value as f64 / max as f64) * (height * 8) as f64).round() as usize)
        .collect();
    let mut lines = Vec::with_capacity(height + 1);
    for row in (0..height).rev() {
        let line: String = levels
            .iter()
            .map(|&level| {
                let cell = level.saturating_sub(row * 8).min(8);
                EIGHTHS[cell]
            })
            .flat_map(|c| [c, ' '])
            .collect();
        lines.push(format!("  │{}", line.trim_end()));
    }
    lines.push(format!("  └{}", "──".repeat(values.len())));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_width() {
        let rows = vec![
            ("crew".to_string(), 1.0, "100%".to_string()),
            ("series".to_string(), 0.5, "50%".to_string()),
            ("awards".to_string(), 0.0, "0%".to_string()),
        ];
        let lines = bars(&rows, 1.0, 4);
        assert_eq!(lines[0], "  crew   │████│ 100%");
        assert_eq!(lines[1], "  series │██  │ 50%");
        assert_eq!(lines[2], "  awards │    │ 0%");
    }

    #[test]
    fn columns_rise_with_values() {
        let lines = columns(&[0, 50, 100], 2);
        assert_eq!(lines[0], "  │    █");
        assert_eq!(lines[1], "  │  █ █");
        assert_eq!(lines[2], "  └──────");
    }
}
