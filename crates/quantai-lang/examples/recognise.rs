//! Prints what the shipped lexicon recognises in each line of standard input, one JSON object
//! per line; `--typos` prints only the lines where a typo was corrected, with the corrections.
//!
//!     echo "삼송전자 볼링저 돌파" | cargo run -p quantai-lang --example recognise
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::BufRead;

use quantai_lang::{Lexicon, Via};

fn main() {
    let typos = std::env::args().any(|a| a == "--typos");
    let lx = match Lexicon::shipped() {
        Ok(lx) => lx,
        Err(e) => {
            eprintln!("the shipped lexicon does not build: {e}");
            std::process::exit(1);
        }
    };
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let rec = lx.recognise(&line);
        if typos {
            let fixed: Vec<String> = rec
                .entities
                .iter()
                .filter(|e| e.via == Via::Corrected)
                .map(|e| format!("{:?} → {}", &line[e.span.clone()], e.id))
                .collect();
            if !fixed.is_empty() {
                println!("{}\t{}", fixed.join(", "), line);
            }
        } else {
            println!("{}", serde_json::json!({"text": line, "entities": rec.entities, "conditions": rec.conditions}));
        }
    }
}
