fn main() {
    let p = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let mut keep = Vec::new();
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let c = newsdesk::cache::Cache::load(Some(p.clone()));
        eprintln!("{} in {:?}", c.len(), t.elapsed());
        keep.push(c);
    }
    std::process::exit(0);
}
