use super::*;
use proptest::prelude::*;
use std::net::{Ipv4Addr, Ipv6Addr};

fn ip(raw: &str) -> IpAddr {
    raw.parse().unwrap()
}

fn trusted(raw: &str) -> TrustedProxies {
    TrustedProxies::parse(raw).unwrap()
}

#[test]
fn lists_of_addresses_and_blocks_are_read() {
    let proxies = trusted(" 10.0.0.5, 192.168.0.0/16 ,::1, fd00::/8,");
    assert!(proxies.contains(ip("10.0.0.5")));
    assert!(!proxies.contains(ip("10.0.0.6")));
    assert!(proxies.contains(ip("192.168.200.1")));
    assert!(!proxies.contains(ip("192.169.0.1")));
    assert!(proxies.contains(ip("::1")));
    assert!(proxies.contains(ip("fd12:3456::1")));
    assert!(!proxies.contains(ip("fe80::1")));
    // An IPv4 peer reached over an IPv6 socket is still that IPv4 address.
    assert!(proxies.contains(ip("::ffff:10.0.0.5")));
    assert!(trusted("").is_empty());
    assert!(trusted(" , ").is_empty());
    assert!(trusted("0.0.0.0/0").contains(ip("203.0.113.9")));
    for bad in [
        "10.0.0",
        "10.0.0.0/33",
        "::/129",
        "proxy.example.com",
        "10.0.0.1/x",
    ] {
        assert_eq!(TrustedProxies::parse(bad), Err(bad.to_string()), "{bad}");
    }
    assert_eq!(
        TrustedProxies::parse("10.0.0.1, nonsense"),
        Err("nonsense".to_string())
    );
}

#[test]
fn an_untrusted_peer_is_the_client_whatever_it_says() {
    let proxies = trusted("10.0.0.5");
    let peer = ip("198.51.100.7");
    assert_eq!(client_address(peer, "203.0.113.9", &proxies), peer);
    assert_eq!(
        client_address(peer, "203.0.113.9", &TrustedProxies::default()),
        peer
    );
    let local = ip("127.0.0.1");
    assert_eq!(
        client_address(local, "203.0.113.9", &TrustedProxies::default()),
        local
    );
}

#[test]
fn behind_trusted_proxies_the_right_most_other_address_is_the_client() {
    let proxies = trusted("10.0.0.5, 10.1.0.0/16");
    let proxy = ip("10.0.0.5");
    assert_eq!(
        client_address(proxy, "203.0.113.9", &proxies),
        ip("203.0.113.9")
    );
    // The client's own forgery stands left of the address our proxy saw.
    assert_eq!(
        client_address(proxy, "1.2.3.4, 203.0.113.9", &proxies),
        ip("203.0.113.9")
    );
    // Through two of our proxies.
    assert_eq!(
        client_address(proxy, "1.2.3.4, 203.0.113.9, 10.1.2.3", &proxies),
        ip("203.0.113.9")
    );
    // Several headers read as one list, in order.
    assert_eq!(
        client_address(proxy, "1.2.3.4,203.0.113.9 , 10.1.2.3", &proxies),
        ip("203.0.113.9")
    );
    // Ports and brackets, as some proxies write them.
    assert_eq!(
        client_address(proxy, "[2001:db8::7]:4711", &proxies),
        ip("2001:db8::7")
    );
    assert_eq!(
        client_address(proxy, "203.0.113.9:51000", &proxies),
        ip("203.0.113.9")
    );
    // No header: the proxy itself. Only proxies: the left-most.
    assert_eq!(client_address(proxy, "", &proxies), proxy);
    assert_eq!(
        client_address(proxy, "10.1.0.9, 10.1.0.8", &proxies),
        ip("10.1.0.9")
    );
    // Junk no proxy of ours wrote ends the walk at the last good address.
    assert_eq!(
        client_address(proxy, "203.0.113.9, junk, 10.1.0.8", &proxies),
        ip("10.1.0.8")
    );
    assert_eq!(client_address(proxy, "junk", &proxies), proxy);
}

fn any_ip() -> impl Strategy<Value = IpAddr> {
    prop_oneof![
        any::<u32>().prop_map(|bits| IpAddr::V4(Ipv4Addr::from(bits))),
        any::<u128>().prop_map(|bits| IpAddr::V6(Ipv6Addr::from(bits))),
    ]
}

proptest! {
    /// Whatever the header says, a peer that is not a trusted proxy is the
    /// client.
    #[test]
    fn spoofed_headers_from_untrusted_peers_are_ignored(
        peer in any_ip(),
        header in "\\PC{0,200}",
        spoofed in proptest::collection::vec(any_ip(), 0..5),
    ) {
        let proxies = trusted("10.0.0.0/8, fd00::/8");
        prop_assume!(!proxies.contains(peer));
        let list: Vec<String> = spoofed.iter().map(IpAddr::to_string).collect();
        for forwarded in [header.clone(), list.join(", ")] {
            prop_assert_eq!(client_address(peer, &forwarded, &proxies), peer.to_canonical());
            prop_assert_eq!(
                client_address(peer, &forwarded, &TrustedProxies::default()),
                peer.to_canonical()
            );
        }
    }

    /// Behind a chain of trusted proxies, the address the first of them
    /// saw is the client, whatever the client wrote before it.
    #[test]
    fn the_client_behind_the_chain_is_found(
        forged in proptest::collection::vec(any_ip(), 0..5),
        client in any_ip(),
        chain in proptest::collection::vec(0u32..=0xFF_FFFF, 0..4),
        proxy in 0u32..=0xFF_FFFF,
    ) {
        let proxies = trusted("10.0.0.0/8");
        prop_assume!(!proxies.contains(client));
        let in_ten = |low: u32| IpAddr::V4(Ipv4Addr::from(0x0A00_0000 | low));
        let mut entries: Vec<String> = forged.iter().map(IpAddr::to_string).collect();
        entries.push(client.to_string());
        entries.extend(chain.iter().map(|low| in_ten(*low).to_string()));
        let forwarded = entries.join(", ");
        prop_assert_eq!(
            client_address(in_ten(proxy), &forwarded, &proxies),
            client.to_canonical()
        );
    }

    /// The answer is always the peer or an address the header holds.
    #[test]
    fn the_answer_comes_from_the_request(
        peer in any_ip(),
        entries in proptest::collection::vec(any_ip(), 0..8),
        junk in proptest::option::of("[a-z ]{0,8}"),
    ) {
        let proxies = trusted("0.0.0.0/0, ::/0");
        let mut listed: Vec<String> = entries.iter().map(IpAddr::to_string).collect();
        listed.extend(junk);
        let forwarded = listed.join(",");
        let found = client_address(peer, &forwarded, &proxies);
        prop_assert!(
            found == peer.to_canonical() || entries.iter().any(|e| e.to_canonical() == found),
            "{} from {:?} via {}", found, forwarded, peer
        );
    }
}
