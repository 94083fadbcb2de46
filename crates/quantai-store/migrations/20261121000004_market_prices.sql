-- Daily OHLCV bars, one row per symbol, market and trading day (ISO date), upserted by imports.
CREATE TABLE market_prices (
    symbol VARCHAR(32) NOT NULL,
    market VARCHAR(8) NOT NULL,
    date VARCHAR(10) NOT NULL,
    open DOUBLE PRECISION NOT NULL,
    high DOUBLE PRECISION NOT NULL,
    low DOUBLE PRECISION NOT NULL,
    close DOUBLE PRECISION NOT NULL,
    volume DOUBLE PRECISION NOT NULL,
    adj_close DOUBLE PRECISION,
    PRIMARY KEY (symbol, market, date)
);
