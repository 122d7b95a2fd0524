//! Which address a request comes from when the portal stands behind reverse
//! proxies. The TCP peer is then the proxy, and the client's address is in
//! `X-Forwarded-For`, where each proxy appends the address it received the
//! request from. Anyone can send that header, so it is believed only when
//! the peer is a proxy the installation named, and only as far back as the
//! chain runs through named proxies: the right-most address that is not
//! one of them is the client. Everything left of it the client wrote
//! itself. The login throttle and the audit log key on this address, so a
//! forged header must never move it.

use std::net::{IpAddr, SocketAddr};

/// How many entries of `X-Forwarded-For` are read at most, from the right:
/// more proxies than any installation chains, and a bound on the work a
/// long header can ask for.
pub const MAX_HOPS: usize = 20;

/// One address, or a block of addresses in CIDR form (`10.0.0.0/8`,
/// `fd00::/8`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Network {
    base: IpAddr,
    prefix: u8,
}

impl Network {
    fn parse(raw: &str) -> Option<Self> {
        let (address, prefix) = match raw.split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (raw, None),
        };
        let base: IpAddr = address.trim().parse().ok()?;
        let full = if base.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(prefix) => prefix.trim().parse::<u8>().ok().filter(|p| *p <= full)?,
            None => full,
        };
        Some(Self { base, prefix })
    }

    fn contains(&self, address: IpAddr) -> bool {
        match (self.base, address) {
            (IpAddr::V4(base), IpAddr::V4(address)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(base) & mask == u32::from(address) & mask
            }
            (IpAddr::V6(base), IpAddr::V6(address)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(base) & mask == u128::from(address) & mask
            }
            _ => false,
        }
    }
}

/// The proxies whose `X-Forwarded-For` the portal believes
/// (`PORTAL_TRUSTED_PROXIES`); none by default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<Network>);

impl TrustedProxies {
    /// A comma-separated list of addresses and CIDR blocks, e.g.
    /// `10.0.0.5, 192.168.0.0/16, ::1`; an empty list trusts nobody. The
    /// error is the first entry that is neither.
    pub fn parse(raw: &str) -> Result<Self, String> {
        raw.split(',')
            .map(str::trim)
            .filter(|entry| !entry.is_empty())
            .map(|entry| Network::parse(entry).ok_or_else(|| entry.to_string()))
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, address: IpAddr) -> bool {
        let address = address.to_canonical();
        self.0.iter().any(|network| network.contains(address))
    }
}

/// One entry of `X-Forwarded-For`: an address, perhaps with a port or in
/// brackets (`[2001:db8::1]:443`), as some proxies write it.
fn hop(raw: &str) -> Option<IpAddr> {
    let raw = raw.trim();
    let address = raw
        .parse::<IpAddr>()
        .ok()
        .or_else(|| raw.parse::<SocketAddr>().ok().map(|s| s.ip()))
        .or_else(|| {
            raw.strip_prefix('[')
                .and_then(|rest| rest.strip_suffix(']'))
                .and_then(|inner| inner.parse::<IpAddr>().ok())
        })?;
    Some(address.to_canonical())
}

/// The client's address: the TCP `peer` itself unless it is a trusted
/// proxy; then, walking `forwarded_for` (every `X-Forwarded-For` value of
/// the request, joined by commas in order) from the right, the first
/// address that is not a trusted proxy. When every address is a trusted
/// proxy the left-most one is taken; an entry that is no address ends the
/// walk at the last good one, since no proxy of ours wrote it.
pub fn client_address(peer: IpAddr, forwarded_for: &str, trusted: &TrustedProxies) -> IpAddr {
    let peer = peer.to_canonical();
    if !trusted.contains(peer) {
        return peer;
    }
    let mut client = peer;
    for entry in forwarded_for.rsplit(',').take(MAX_HOPS) {
        let Some(address) = hop(entry) else {
            break;
        };
        client = address;
        if !trusted.contains(address) {
            break;
        }
    }
    client
}

#[cfg(test)]
mod tests;
