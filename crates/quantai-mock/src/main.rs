//! `quantai-mock --bind ADDR`: serve the mock upstream (benchmarks, manual tours).

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let mut bind = "127.0.0.1:9101".to_string();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bind" => bind = args.next().unwrap_or(bind),
            "--help" | "-h" => {
                eprintln!("usage: quantai-mock [--bind ADDR]");
                return Ok(());
            }
            other => {
                eprintln!("quantai-mock: unknown argument {other:?}");
                std::process::exit(2);
            }
        }
    }
    let mock = quantai_mock::spawn(&bind, false).await?;
    eprintln!("quantai-mock listening on {}", mock.addr);
    tokio::signal::ctrl_c().await?;
    Ok(())
}
