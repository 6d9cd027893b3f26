package dev.groundstream.ingest.images;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses the service may fetch image URIs from. By default only public unicast
 * addresses: loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local
 * (169.254/16 — cloud metadata — and fe80::/10), carrier-grade NAT (100.64/10), unspecified and
 * multicast are refused, so a caller cannot make us reach our own network (SSRF).
 */
public final class AddressPolicy {
  private final boolean allowPrivate;

  public AddressPolicy(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  public boolean allowed(InetAddress address) {
    return allowPrivate || isPublic(address);
  }

  static boolean isPublic(InetAddress a) {
    if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xFF;
      int second = b[1] & 0xFF;
      return !(first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240
          || (first == 192 && second == 0 && (b[2] & 0xFF) == 0));
    }
    if (a instanceof Inet6Address) {
      int first = b[0] & 0xFF;
      if ((first & 0xFE) == 0xFC) { // unique local fc00::/7
        return false;
      }
      if (isIpv4Mapped(b)) {
        try {
          return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (java.net.UnknownHostException e) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isIpv4Mapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
  }
}
