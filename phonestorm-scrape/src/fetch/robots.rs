//! A small robots.txt reader (RFC 9309): groups by User-agent, Allow/Disallow by longest
//! match, `*` wildcards and `$` anchors, `Crawl-delay`.

/// One group: its user agents, its (allow?, pattern) rules, its crawl delay.
type Group = (Vec<String>, Vec<(bool, String)>, Option<f64>);

/// Parsed robots.txt rules for one user agent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Robots {
    /// (allow?, pattern) rules that apply to our agent.
    rules: Vec<(bool, String)>,
    /// `Crawl-delay` in seconds for our agent, if given.
    pub crawl_delay: Option<f64>,
}

impl Robots {
    /// Everything allowed (no robots.txt, or a 4xx answer).
    pub fn allow_all() -> Self {
        Self::default()
    }

    /// Parse `text` for the product token `agent` (e.g. `phonestorm`), falling back to `*`.
    pub fn parse(text: &str, agent: &str) -> Self {
        let agent = agent.to_ascii_lowercase();
        // Collect groups: (agents, rules, delay).
        let mut groups: Vec<Group> = Vec::new();
        let mut in_agents = false;
        for line in text.lines().take(10_000) {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((k, v)) = line.split_once(':') else {
                continue;
            };
            let k = k.trim().to_ascii_lowercase();
            let v = v.trim().to_string();
            match k.as_str() {
                "user-agent" => {
                    if !in_agents || groups.is_empty() {
                        groups.push((Vec::new(), Vec::new(), None));
                    }
                    in_agents = true;
                    if let Some(g) = groups.last_mut() {
                        g.0.push(v.to_ascii_lowercase());
                    }
                }
                "allow" | "disallow" => {
                    in_agents = false;
                    if let Some(g) = groups.last_mut()
                        && !v.is_empty()
                    {
                        g.1.push((k == "allow", v));
                    }
                }
                "crawl-delay" => {
                    in_agents = false;
                    if let Some(g) = groups.last_mut() {
                        g.2 = v.parse().ok();
                    }
                }
                _ => {}
            }
        }
        let pick = |want: &dyn Fn(&str) -> bool| {
            let mut rules = Vec::new();
            let mut delay = None;
            let mut found = false;
            for (agents, r, d) in &groups {
                if agents.iter().any(|a| want(a)) {
                    found = true;
                    rules.extend(r.iter().cloned());
                    delay = delay.or(*d);
                }
            }
            found.then_some(Robots {
                rules,
                crawl_delay: delay,
            })
        };
        pick(&|a: &str| a != "*" && agent.contains(a))
            .or_else(|| pick(&|a: &str| a == "*"))
            .unwrap_or_default()
    }

    /// May `path` (path + query) be fetched?
    pub fn allowed(&self, path: &str) -> bool {
        let mut best: Option<(usize, bool)> = None;
        for (allow, pat) in &self.rules {
            if pattern_matches(pat, path) {
                let len = pat.len();
                match best {
                    Some((l, a)) if l > len || (l == len && a) => {}
                    _ => best = Some((len, *allow)),
                }
            }
        }
        best.is_none_or(|(_, a)| a)
    }
}

fn pattern_matches(pat: &str, path: &str) -> bool {
    let (pat, anchored) = match pat.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pat, false),
    };
    let parts: Vec<&str> = pat.split('*').collect();
    let mut pos = 0usize;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            if !path.starts_with(part) {
                return false;
            }
            pos = part.len();
        } else if let Some(found) = path[pos..].find(part) {
            pos += found + part.len();
        } else {
            return false;
        }
    }
    if anchored {
        // The last literal part must end the path.
        parts.last().is_none_or(|l| path.ends_with(l)) && (parts.len() > 1 || pos == path.len())
    } else {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_and_agents() {
        let txt = "User-agent: *\nDisallow: /private\nAllow: /private/ok\n\nUser-agent: badbot\nDisallow: /\n";
        let r = Robots::parse(txt, "phonestorm");
        assert!(r.allowed("/"));
        assert!(!r.allowed("/private/x"));
        assert!(r.allowed("/private/ok/1"));
        let b = Robots::parse(txt, "BadBot/1.0");
        assert!(!b.allowed("/"));
        let w = Robots::parse("User-agent: *\nDisallow: /*.pdf$\nCrawl-delay: 2", "x");
        assert!(!w.allowed("/a/b.pdf"));
        assert!(w.allowed("/a/b.pdf?x"));
        assert_eq!(w.crawl_delay, Some(2.0));
    }
}
