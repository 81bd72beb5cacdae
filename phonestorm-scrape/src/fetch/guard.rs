//! The private-address (SSRF) guard: a DNS resolver that drops private, loopback, link-local
//! and metadata addresses after resolution, and the rule used for IP-literal URLs.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// Why an address is not fetched by default, or `None` when it is public.
pub fn is_forbidden_ip(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => forbidden_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return forbidden_v4(v4);
            }
            let seg = v6.segments();
            if v6.is_loopback() {
                Some("loopback")
            } else if v6.is_unspecified() {
                Some("unspecified")
            } else if v6 == Ipv6Addr::new(0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254) {
                Some("metadata")
            } else if seg[0] & 0xfe00 == 0xfc00 {
                Some("unique_local")
            } else if seg[0] & 0xffc0 == 0xfe80 {
                Some("link_local")
            } else if v6.is_multicast() {
                Some("multicast")
            } else {
                None
            }
        }
    }
}

fn forbidden_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let o = ip.octets();
    if ip == Ipv4Addr::new(169, 254, 169, 254) || ip == Ipv4Addr::new(100, 100, 100, 200) {
        Some("metadata")
    } else if ip.is_loopback() {
        Some("loopback")
    } else if ip.is_private() {
        Some("private")
    } else if ip.is_link_local() {
        Some("link_local")
    } else if o[0] == 0 {
        Some("unspecified")
    } else if o[0] == 100 && (o[1] & 0xc0) == 64 {
        Some("shared_cgnat")
    } else if ip.is_broadcast() || ip.is_multicast() || o[0] >= 240 {
        Some("reserved")
    } else {
        None
    }
}

/// Which hosts may reach private addresses, and fixed host → address overrides.
///
/// By default nothing is allowed. Tests and intranet deployments opt in per host.
#[derive(Debug, Clone, Default)]
pub struct HostPolicy {
    /// Hosts allowed to resolve to private/loopback addresses: an exact host name, or a
    /// suffix starting with `.` (`.test` allows `a.test`, `b.a.test`). IP literals can be
    /// listed too (`127.0.0.1`), but then every URL naming that IP is allowed.
    pub allow_private_hosts: Vec<String>,
    /// Fixed resolutions (host → socket address, port 0 = the URL's port). A host suffix
    /// starting with `.` maps every host under it.
    pub overrides: HashMap<String, SocketAddr>,
}

impl HostPolicy {
    /// True when `host` may reach a private address.
    pub fn allows_private(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        self.allow_private_hosts.iter().any(|a| {
            let a = a.to_ascii_lowercase();
            if let Some(suffix) = a.strip_prefix('.') {
                host == suffix || host.ends_with(&format!(".{suffix}"))
            } else {
                host == a
            }
        })
    }

    /// The fixed resolution for `host`, if any.
    pub fn override_for(&self, host: &str) -> Option<SocketAddr> {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        if let Some(a) = self.overrides.get(&host) {
            return Some(*a);
        }
        self.overrides.iter().find_map(|(k, v)| {
            k.strip_prefix('.')
                .filter(|s| host.ends_with(&format!(".{s}")))
                .map(|_| *v)
        })
    }

    /// Check an IP-literal host (no DNS involved): `Err(reason)` when refused.
    pub fn check_literal(&self, host: &str, ip: IpAddr) -> Result<(), &'static str> {
        match is_forbidden_ip(ip) {
            Some(reason) if !self.allows_private(host) => Err(reason),
            _ => Ok(()),
        }
    }
}

/// The error a resolution returns when every address was refused.
#[derive(Debug)]
pub(crate) struct ForbiddenAddress {
    pub(crate) host: String,
    pub(crate) reason: &'static str,
}

impl std::fmt::Display for ForbiddenAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} resolves only to refused addresses ({})",
            self.host, self.reason
        )
    }
}

impl std::error::Error for ForbiddenAddress {}

/// A reqwest DNS resolver that applies a [`HostPolicy`] after resolution, so a public name
/// that resolves to `127.0.0.1` or `169.254.169.254` is refused at connect time.
#[derive(Debug, Clone)]
pub struct GuardedResolver {
    policy: Arc<HostPolicy>,
}

impl GuardedResolver {
    /// A resolver applying `policy`.
    pub fn new(policy: Arc<HostPolicy>) -> Self {
        Self { policy }
    }
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let policy = self.policy.clone();
        let host = name.as_str().to_string();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> = match policy.override_for(&host) {
                Some(a) => vec![a],
                None => tokio::net::lookup_host((host.as_str(), 0)).await?.collect(),
            };
            let allowed = policy.allows_private(&host);
            let mut reason = "no_address";
            let kept: Vec<SocketAddr> = addrs
                .into_iter()
                .filter(|a| match is_forbidden_ip(a.ip()) {
                    Some(r) if !allowed => {
                        reason = r;
                        false
                    }
                    _ => true,
                })
                .collect();
            if kept.is_empty() {
                return Err(Box::new(ForbiddenAddress { host, reason }) as _);
            }
            Ok(Box::new(kept.into_iter()) as Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_private_ranges() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(is_forbidden_ip(ip.parse().unwrap()).is_some(), "{ip}");
        }
        for ip in ["93.184.216.34", "8.8.8.8", "2606:4700::1111"] {
            assert!(is_forbidden_ip(ip.parse().unwrap()).is_none(), "{ip}");
        }
    }

    #[test]
    fn policy_suffixes() {
        let p = HostPolicy {
            allow_private_hosts: vec![".test".into(), "exact.local".into()],
            ..Default::default()
        };
        assert!(p.allows_private("a.test"));
        assert!(p.allows_private("exact.local"));
        assert!(!p.allows_private("x.exact.local"));
        assert!(!p.allows_private("127.0.0.1"));
        assert!(
            p.check_literal("127.0.0.1", "127.0.0.1".parse().unwrap())
                .is_err()
        );
    }
}
