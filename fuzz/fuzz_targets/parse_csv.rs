//! Fuzzes the Csv parser: any bytes must give a network or an error, never a
//! panic or a hang; whatever parses must write and parse again.
#![no_main]
use libfuzzer_sys::fuzz_target;
use weave::core::formats::{parse_with_report, write, Format, WriteOptions};

fuzz_target!(|data: &[u8]| {
    if let Ok((net, _report)) = parse_with_report(Format::Csv, data) {
        let out = write(Format::Csv, &net, &WriteOptions { include_metrics: true, pseudonymise: None })
            .expect("a parsed network can be written");
        parse_with_report(Format::Csv, &out).expect("Weave reads what it writes");
    }
});
