//! The shipped sample data against the calendars and the data checks.

use quantai_quant::calendar::Calendar;
use quantai_quant::check::{check, CheckOptions, FindingKind};
use quantai_quant::{date, Market};

use crate::reference::series;

#[test]
fn sample_data_has_no_gap_against_the_nyse_calendar() {
    for symbol in ["AAPL", "GOOG"] {
        let s = series(symbol);
        let cal = Calendar::new(Market::Us);
        let missing: Vec<String> = cal
            .trading_days(s.dates[0], *s.dates.last().unwrap())
            .into_iter()
            .filter(|d| s.dates.binary_search(d).is_err())
            .map(date::iso)
            .collect();
        assert!(missing.is_empty(), "{symbol}: missing {missing:?}");
        let closed: Vec<String> = s.dates.iter().filter(|d| !cal.is_trading_day(**d)).map(|d| date::iso(*d)).collect();
        assert!(closed.is_empty(), "{symbol}: bars on closed days {closed:?}");
    }
}

#[test]
fn aapl_unadjusted_splits_are_flagged_with_and_without_adjusted_closes() {
    let mut s = series("AAPL");
    let splits = |s: &quantai_quant::bars::Series| -> Vec<(String, String)> {
        check(s, Some(Calendar::new(Market::Us)), &CheckOptions::default())
            .into_iter()
            .filter(|f| f.kind == FindingKind::SplitLike)
            .map(|f| (date::iso(f.date), f.detail.split(' ').next().unwrap_or_default().to_string()))
            .collect()
    };
    let want = vec![("2000-06-21".to_string(), "2:1".to_string()), ("2005-02-28".to_string(), "2:1".to_string())];
    assert_eq!(splits(&s), want);
    s.adj_close.iter_mut().for_each(|a| *a = None);
    assert_eq!(splits(&s), want, "from prices alone");
    // The 2000-09-29 crash (−52 %) is a jump, not a split.
    let f = check(&s, None, &CheckOptions::default());
    assert!(f.iter().any(|x| x.kind == FindingKind::PriceJump && date::iso(x.date) == "2000-09-29"), "{f:?}");
}

#[test]
fn goog_has_no_split_and_no_gap() {
    let s = series("GOOG");
    let f = check(&s, Some(Calendar::new(Market::Us)), &CheckOptions::default());
    assert!(
        !f.iter().any(|x| matches!(
            x.kind,
            FindingKind::SplitLike | FindingKind::Gap | FindingKind::ClosedDay | FindingKind::ZeroPrice
        )),
        "{f:?}"
    );
}

#[test]
fn a_removed_day_shows_as_a_gap() {
    let s = series("GOOG");
    let mut bars: Vec<_> = (0..s.len()).map(|i| s.bar(i)).collect();
    let removed = bars.remove(100).date;
    let s2 = quantai_quant::bars::Series::from_bars("GOOG", None, &bars);
    let f = check(&s2, Some(Calendar::new(Market::Us)), &CheckOptions::default());
    let gaps: Vec<_> = f.iter().filter(|x| x.kind == FindingKind::Gap).collect();
    assert_eq!(gaps.len(), 1, "{gaps:?}");
    assert_eq!(gaps[0].date, removed);
}
