//! Desk statistics from the journal and the inbox: arrivals per hour, filings per
//! category, today's throughput, the oldest waiting item. Pure: the caller reads.

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};

use crate::desk::{Entry, Op, Record};

/// What the stats view shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Arrivals in each of the last 24 hours, oldest first.
    pub arrivals_per_hour: Vec<u64>,
    /// Items filed per category (skips under `skip`), undos subtracted.
    pub filed: BTreeMap<String, u64>,
    /// Moves made since midnight UTC, undos subtracted.
    pub today: u64,
    /// The item that has waited longest in the inbox, and for how long.
    pub oldest: Option<(String, Duration)>,
    pub waiting: usize,
}

/// Computes the stats at `now` from every journal record and the inbox.
pub fn compute(records: &[Record], inbox: &[Entry], now: SystemTime) -> Stats {
    let mut stats = Stats {
        arrivals_per_hour: vec![0; 24],
        waiting: inbox.len(),
        ..Stats::default()
    };
    let midnight = now - Duration::from_secs(secs(now) % 86_400);
    let mut count_arrival = |at: SystemTime| {
        if let Ok(age) = now.duration_since(at) {
            let hour = (age.as_secs() / 3600) as usize;
            if hour < 24 {
                stats.arrivals_per_hour[23 - hour] += 1;
            }
        }
    };
    for entry in inbox {
        count_arrival(entry.modified);
    }
    for r in records {
        let sign: i64 = match r.op {
            Op::File | Op::Skip => 1,
            Op::Undo => -1,
            Op::Drop => continue,
        };
        if sign > 0
            && let Some(at) = r.arrived.as_deref().and_then(parse_time)
        {
            count_arrival(at);
        }
        let n = stats.filed.entry(r.category.clone()).or_default();
        *n = n.saturating_add_signed(sign);
        if parse_time(&r.time).is_some_and(|t| t >= midnight) {
            stats.today = stats.today.saturating_add_signed(sign);
        }
    }
    stats.filed.retain(|_, n| *n > 0);
    stats.oldest = inbox.iter().min_by_key(|e| e.modified).map(|e| {
        (
            e.name.clone(),
            now.duration_since(e.modified).unwrap_or_default(),
        )
    });
    stats
}

fn secs(t: SystemTime) -> u64 {
    t.duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn parse_time(text: &str) -> Option<SystemTime> {
    let ts: jiff::Timestamp = text.parse().ok()?;
    SystemTime::try_from(ts).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::Op;

    fn record(op: Op, category: &str, time: &str, arrived: Option<&str>) -> Record {
        Record {
            time: time.into(),
            user: "u".into(),
            host: "h".into(),
            op,
            id: "x".into(),
            name: "a.txt".into(),
            from: "/in/a.txt".into(),
            to: "/c/a.txt".into(),
            category: category.into(),
            how: "key".into(),
            batch: None,
            arrived: arrived.map(str::to_string),
            signature: None,
        }
    }

    #[test]
    fn counts_filings_undos_arrivals_and_the_oldest_item() {
        let now: SystemTime = "2026-11-29T12:00:00Z"
            .parse::<jiff::Timestamp>()
            .and_then(SystemTime::try_from)
            .expect("time");
        let records = [
            record(
                Op::File,
                "syria",
                "2026-11-28T09:00:00Z",
                Some("2026-11-28T08:00:00Z"),
            ),
            record(
                Op::File,
                "syria",
                "2026-11-29T09:00:00Z",
                Some("2026-11-29T08:30:00Z"),
            ),
            record(
                Op::File,
                "world",
                "2026-11-29T10:00:00Z",
                Some("2026-11-29T11:10:00Z"),
            ),
            record(Op::Undo, "world", "2026-11-29T10:05:00Z", None),
            record(Op::Skip, "skip", "2026-11-29T10:06:00Z", None),
        ];
        let inbox = [Entry {
            id: "i".into(),
            name: "old.txt".into(),
            path: "old.txt".into(),
            size: 1,
            modified: now - Duration::from_secs(5 * 3600 + 60),
        }];
        let s = compute(&records, &inbox, now);
        assert_eq!(s.filed.get("syria"), Some(&2));
        assert_eq!(s.filed.get("world"), None, "undone");
        assert_eq!(s.filed.get("skip"), Some(&1));
        assert_eq!(s.today, 2, "file + file − undo + skip since midnight");
        assert_eq!(
            s.arrivals_per_hour.iter().sum::<u64>(),
            3,
            "two in the last day from the journal, one waiting"
        );
        assert_eq!(s.arrivals_per_hour[23], 1, "11:10 is in the last hour");
        assert_eq!(
            s.oldest
                .as_ref()
                .map(|(n, d)| (n.as_str(), d.as_secs() / 3600)),
            Some(("old.txt", 5))
        );
    }
}
