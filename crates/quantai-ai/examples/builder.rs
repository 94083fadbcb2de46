//! Development aid: `cargo run -p quantai-ai --example builder -- FILE.jsonl` prints the
//! requests parsed wrongly.
#![allow(clippy::print_stdout)]

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: builder FILE.jsonl | --one TEXT")?;
    let lexicon = quantai_lang::Lexicon::shipped()?;
    if path == "--one" {
        let text = std::env::args().nth(2).unwrap_or_default();
        println!("{}", serde_json::to_string_pretty(&quantai_ai::builder::parse(&lexicon, &text))?);
        for m in quantai_ai::numbers::scan(&text) {
            println!("{:?} {:?} {}", m.text, m.unit, m.value);
        }
        return Ok(());
    }
    let lines = quantai_ai::eval::read_builder_lines(&path)?;
    let r = quantai_ai::eval::builder_eval(&lexicon, &lines);
    for (l, res) in lines.iter().zip(&r.per_line) {
        if !res.correct {
            println!("{} {}\n    {}", l.id, l.request, res.wrong.join("; "));
        }
    }
    println!(
        "accuracy {:.3}  decline P {:.3} R {:.3}  p50 {:.1} µs p99 {:.1} µs",
        r.accuracy, r.decline_precision, r.decline_recall, r.parse_p50_micros, r.parse_p99_micros
    );
    Ok(())
}
