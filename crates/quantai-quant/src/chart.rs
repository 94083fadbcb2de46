//! Pictures of a backtest (plotters): the equity curve above, the drawdown below, as SVG or PNG.
//! Text is drawn with DejaVu Sans, shipped in the binary (`assets/`), so a PNG renders the same
//! on a machine without fonts.

use std::sync::Once;

use plotters::prelude::*;

use crate::backtest::EquityPoint;
use crate::date;

const FONT: &[u8] = include_bytes!("../assets/DejaVuSans.ttf");

/// Chart size in pixels.
pub const WIDTH: u32 = 1000;
pub const HEIGHT: u32 = 600;

#[derive(Debug, thiserror::Error)]
#[error("chart: {0}")]
pub struct ChartError(String);

fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The font is ours and valid; a failure would only lose text, not the chart.
        let _ = plotters::style::register_font("sans-serif", FontStyle::Normal, FONT);
    });
}

/// Equity and drawdown (in %) per bar.
fn series(equity: &[EquityPoint]) -> (Vec<f64>, Vec<f64>) {
    let mut peak = f64::MIN;
    let values: Vec<f64> = equity.iter().map(|p| p.equity).collect();
    let dd = values
        .iter()
        .map(|v| {
            peak = peak.max(*v);
            if peak > 0.0 {
                (v / peak - 1.0) * 100.0
            } else {
                0.0
            }
        })
        .collect();
    (values, dd)
}

fn draw<DB: DrawingBackend>(
    root: DrawingArea<DB, plotters::coord::Shift>,
    title: &str,
    equity: &[EquityPoint],
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let err = |e: &dyn std::fmt::Display| ChartError(e.to_string());
    if equity.is_empty() {
        return Err(ChartError("no equity points".into()));
    }
    root.fill(&WHITE).map_err(|e| err(&e))?;
    let root = root.titled(title, ("sans-serif", 22)).map_err(|e| err(&e))?;
    let (top, bottom) = root.split_vertically((HEIGHT as f64 * 0.62) as u32);
    let (values, dd) = series(equity);
    let n = values.len();
    let (lo, hi) = values.iter().fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(*v), h.max(*v)));
    let pad = ((hi - lo) * 0.05).max(1e-9);
    let label = |x: &f64| equity.get(x.round().max(0.0) as usize).map(|p| date::iso(p.date)).unwrap_or_default();
    let xmax = (n.max(2) - 1) as f64;
    let mut chart = ChartBuilder::on(&top)
        .margin(10)
        .x_label_area_size(0)
        .y_label_area_size(70)
        .build_cartesian_2d(0.0..xmax, (lo - pad)..(hi + pad))
        .map_err(|e| err(&e))?;
    chart
        .configure_mesh()
        .y_desc("equity")
        .x_labels(0)
        .y_label_formatter(&|v| format!("{v:.0}"))
        .label_style(("sans-serif", 13))
        .draw()
        .map_err(|e| err(&e))?;
    chart
        .draw_series(LineSeries::new(values.iter().enumerate().map(|(i, v)| (i as f64, *v)), BLUE.stroke_width(2)))
        .map_err(|e| err(&e))?;
    let dmin = dd.iter().copied().fold(0.0f64, f64::min).min(-1.0);
    let mut chart = ChartBuilder::on(&bottom)
        .margin(10)
        .x_label_area_size(35)
        .y_label_area_size(70)
        .build_cartesian_2d(0.0..xmax, (dmin * 1.05)..0.0)
        .map_err(|e| err(&e))?;
    chart
        .configure_mesh()
        .y_desc("drawdown %")
        .x_labels(6)
        .x_label_formatter(&label)
        .y_label_formatter(&|v| format!("{v:.0}"))
        .label_style(("sans-serif", 13))
        .draw()
        .map_err(|e| err(&e))?;
    chart
        .draw_series(
            AreaSeries::new(dd.iter().enumerate().map(|(i, v)| (i as f64, *v)), 0.0, RED.mix(0.35)).border_style(RED),
        )
        .map_err(|e| err(&e))?;
    root.present().map_err(|e| err(&e))?;
    Ok(())
}

/// The chart as an SVG document.
pub fn svg(title: &str, equity: &[EquityPoint]) -> Result<String, ChartError> {
    register_font();
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, HEIGHT)).into_drawing_area();
        draw(root, title, equity)?;
    }
    Ok(out)
}

/// The chart as a PNG image.
pub fn png(title: &str, equity: &[EquityPoint]) -> Result<Vec<u8>, ChartError> {
    register_font();
    let mut rgb = vec![0u8; (WIDTH * HEIGHT * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (WIDTH, HEIGHT)).into_drawing_area();
        draw(root, title, equity)?;
    }
    let img = image::RgbImage::from_raw(WIDTH, HEIGHT, rgb).ok_or_else(|| ChartError("bad image buffer".into()))?;
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).map_err(|e| ChartError(e.to_string()))?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn curve() -> Vec<EquityPoint> {
        let d0 = date::parse("2024-01-01").unwrap();
        [100.0, 120.0, 90.0, 130.0]
            .iter()
            .enumerate()
            .map(|(i, v)| EquityPoint { date: d0 + time::Duration::days(i as i64), equity: *v, position: 0.0 })
            .collect()
    }

    #[test]
    fn drawdown_series_by_hand() {
        let (_, dd) = series(&curve());
        assert_eq!(dd, vec![0.0, 0.0, -25.0, 0.0]);
    }

    #[test]
    fn svg_and_png_render() {
        let s = svg("AAPL sma_cross", &curve()).unwrap();
        assert!(
            s.starts_with("<svg") && s.contains("AAPL sma_cross") && s.contains("drawdown"),
            "{}",
            &s[..200.min(s.len())]
        );
        let p = png("AAPL", &curve()).unwrap();
        assert_eq!(&p[..8], b"\x89PNG\r\n\x1a\n");
        let img = image::load_from_memory(&p).unwrap();
        assert_eq!((img.width(), img.height()), (WIDTH, HEIGHT));
        // Something other than the white background was drawn (lines, text).
        let rgb = img.to_rgb8();
        assert!(rgb.pixels().filter(|p| p.0 != [255, 255, 255]).count() > 5_000);
        assert!(svg("x", &[]).is_err());
    }
}
