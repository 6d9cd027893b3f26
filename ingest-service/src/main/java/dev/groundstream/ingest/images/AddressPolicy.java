package dev.groundstream.ingest.images;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which addresses the service may fetch image URIs from. By default only global unicast
 * addresses: every block of the IANA IPv4 and IPv6 special-purpose address registries that is not
 * globally reachable is refused (loopback, private, link-local — 169.254/16 holds the cloud
 * metadata service —, carrier-grade NAT, benchmarking 198.18/15, the TEST-NETs and 2001:db8::/32,
 * 6to4 relay anycast, multicast, reserved, discard-only, ORCHID, SRv6 SIDs, unique and site local),
 * so a caller cannot make us reach our own network (SSRF).
 *
 * <p>IPv6 forms that carry an IPv4 address are decoded and the IPv4 address is judged as such:
 * IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}, NAT64
 * {@code 64:ff9b::/96} (the local-use NAT64 block 64:ff9b:1::/48 is refused outright), 6to4
 * {@code 2002:AABB:CCDD::/48} and Teredo {@code 2001:0::/32} (server and obfuscated client address).
 */
public final class AddressPolicy {
  /** A prefix of {@code bits} bits. */
  private record Block(byte[] prefix, int bits) {
    static Block of(String address, int bits) {
      try {
        return new Block(InetAddress.getByName(address).getAddress(), bits);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(address, e);
      }
    }

    boolean contains(byte[] a) {
      if (a.length != prefix.length) {
        return false;
      }
      for (int bit = 0; bit < bits; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((a[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  private static final List<Block> IPV4_REFUSED = List.of(
      Block.of("0.0.0.0", 8), Block.of("10.0.0.0", 8), Block.of("100.64.0.0", 10), Block.of("127.0.0.0", 8),
      Block.of("169.254.0.0", 16), Block.of("172.16.0.0", 12), Block.of("192.0.0.0", 24), Block.of("192.0.2.0", 24),
      Block.of("192.31.196.0", 24), Block.of("192.52.193.0", 24), Block.of("192.88.99.0", 24),
      Block.of("192.168.0.0", 16), Block.of("192.175.48.0", 24), Block.of("198.18.0.0", 15),
      Block.of("198.51.100.0", 24), Block.of("203.0.113.0", 24), Block.of("224.0.0.0", 4), Block.of("240.0.0.0", 4));

  private static final List<Block> IPV6_REFUSED = List.of(
      Block.of("64:ff9b:1::", 48), Block.of("100::", 64), Block.of("2001:2::", 48), Block.of("2001:10::", 28),
      Block.of("2001:20::", 28), Block.of("2001::", 23), Block.of("2001:db8::", 32), Block.of("3fff::", 20),
      Block.of("5f00::", 16), Block.of("fc00::", 7), Block.of("fe80::", 10), Block.of("fec0::", 10),
      Block.of("ff00::", 8));

  private static final Block MAPPED = Block.of("::ffff:0:0", 96);
  private static final Block COMPATIBLE = Block.of("::", 96);
  private static final Block NAT64 = Block.of("64:ff9b::", 96);
  private static final Block SIX_TO_FOUR = Block.of("2002::", 16);
  private static final Block TEREDO = Block.of("2001::", 32);

  private final boolean allowPrivate;

  public AddressPolicy(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  public boolean allowed(InetAddress address) {
    return allowPrivate || isPublic(address);
  }

  static boolean isPublic(InetAddress address) {
    byte[] a = address.getAddress();
    if (address instanceof Inet4Address) {
      return IPV4_REFUSED.stream().noneMatch(b -> b.contains(a));
    }
    if (!(address instanceof Inet6Address)) {
      return false;
    }
    if (MAPPED.contains(a) || COMPATIBLE.contains(a) || NAT64.contains(a)) {
      // ::/128 and ::1 fall in the compatible block as 0.0.0.0 and 0.0.0.1: refused via 0/8.
      return isPublicV4(a[12], a[13], a[14], a[15]);
    }
    if (SIX_TO_FOUR.contains(a)) {
      return isPublicV4(a[2], a[3], a[4], a[5]);
    }
    if (TEREDO.contains(a)) { // server at bits 32-63, client at 96-127 with every bit inverted
      return isPublicV4(a[4], a[5], a[6], a[7]) && isPublicV4((byte) ~a[12], (byte) ~a[13], (byte) ~a[14], (byte) ~a[15]);
    }
    return IPV6_REFUSED.stream().noneMatch(b -> b.contains(a));
  }

  private static boolean isPublicV4(byte a, byte b, byte c, byte d) {
    byte[] v4 = {a, b, c, d};
    return IPV4_REFUSED.stream().noneMatch(block -> block.contains(v4));
  }
}
