package web

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// ErrPrivateAddress is returned when a fetch would reach an address that is
// not public.
var ErrPrivateAddress = errors.New("not a public address")

// nonPublicIPv4 are the IPv4 ranges, besides those netip names, that no
// public web server lives in (IANA special-purpose registry).
var nonPublicIPv4 = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and the broadcast address
}

// embeddingIPv6 are the IPv6 ranges that carry an IPv4 address in their
// bits and reach it through a translator or a tunnel: the address is public
// only if the IPv4 address inside is.
var embeddingIPv6 = []struct {
	prefix netip.Prefix
	at     int // byte offset of the embedded IPv4 address
}{
	{netip.MustParsePrefix("64:ff9b::/96"), 12},   // NAT64, well known
	{netip.MustParsePrefix("64:ff9b:1::/48"), 12}, // NAT64, local use
	{netip.MustParsePrefix("2002::/16"), 2},       // 6to4
	{netip.MustParsePrefix("::/96"), 12},          // IPv4-compatible (deprecated)
}

// IsPublic reports whether ip may be fetched from for a remote caller: not
// loopback, private, carrier-grade NAT, link-local, multicast, unspecified,
// reserved or documentation, nor an IPv6 address that embeds such an IPv4
// address (NAT64, 6to4, IPv4-compatible, IPv4-mapped).
func IsPublic(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return false
	}
	if ip.Is4() {
		for _, p := range nonPublicIPv4 {
			if p.Contains(ip) {
				return false
			}
		}
		return true
	}
	for _, e := range embeddingIPv6 {
		if e.prefix.Contains(ip) {
			b := ip.As16()
			return IsPublic(netip.AddrFrom4([4]byte(b[e.at : e.at+4])))
		}
	}
	for _, p := range nonPublicIPv6 {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// nonPublicIPv6 are IPv6 ranges, besides those netip names, that no public
// web server is reached at.
var nonPublicIPv6 = []netip.Prefix{
	netip.MustParsePrefix("2001:db8::/32"), // documentation
	netip.MustParsePrefix("2001::/32"),     // Teredo: a tunnel to an (obfuscated) IPv4 address
	netip.MustParsePrefix("100::/64"),      // discard-only
}

// maxRedirects bounds the redirects one fetch follows.
const maxRedirects = 5

// NewClient returns the HTTP client storyline fetches with: timeouts, at most
// five redirects, and, unless allowPrivate, connections only to public
// addresses. The address is checked when the connection is made, after DNS
// resolution, so a redirect or a name that resolves to a private address is
// refused too.
func NewClient(allowPrivate bool) *http.Client {
	dialer := &net.Dialer{Timeout: 10 * time.Second}
	if !allowPrivate {
		dialer.Control = func(network, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			ip, err := netip.ParseAddr(host)
			if err != nil || !IsPublic(ip) {
				return fmt.Errorf("%s: %w", host, ErrPrivateAddress)
			}
			return nil
		}
	}
	transport := &http.Transport{
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 20 * time.Second,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       60 * time.Second,
	}
	if allowPrivate {
		transport.Proxy = http.ProxyFromEnvironment
	}
	return &http.Client{
		Transport: transport,
		Timeout:   30 * time.Second,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("more than %d redirects", maxRedirects)
			}
			return nil
		},
	}
}
