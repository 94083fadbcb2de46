//! Development aid: `cargo run -p quantai-ai --example factcheck -- FILE.jsonl` prints misses
//! and false alarms.
#![allow(clippy::print_stdout)]

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: factcheck FILE.jsonl")?;
    let lines = quantai_ai::eval::read_lines(&path)?;
    let r = quantai_ai::eval::factcheck_eval(&lines)?;
    for (l, res) in lines.iter().zip(&r.per_line) {
        if res.missed.is_empty() && res.false_alarms.is_empty() {
            continue;
        }
        println!("{} {}", l.id, l.text.replace('\n', " / "));
        for m in &res.missed {
            println!("   MISSED {m}");
        }
        for f in &res.false_alarms {
            println!("   FALSE {} {:?} claimed={:?} expected={:?}", f.text, f.problem, f.claimed, f.expected);
        }
    }
    println!(
        "recall {:.3} ({} errors)  false alarms {:.4} ({} of {})",
        r.recall, r.errors, r.false_alarm_rate, r.false_alarms, r.correct_numbers
    );
    Ok(())
}
