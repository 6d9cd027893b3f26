package dev.groundstream.ingest.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.ingest.InvalidInputException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every special-purpose block and every IPv6 embedding of IPv4, one row each. */
class AddressPolicyTest {
  private final AddressPolicy policy = new AddressPolicy(false);

  @ParameterizedTest(name = "{0} ({1}) refused")
  @CsvSource(delimiter = '|', textBlock = """
      0.0.0.0            | this network
      0.1.2.3            | this network
      10.1.2.3           | private
      100.64.0.1         | carrier-grade NAT
      100.127.255.254    | carrier-grade NAT
      127.0.0.1          | loopback
      127.255.0.9        | loopback
      169.254.169.254    | link-local, cloud metadata
      172.16.0.1         | private
      172.31.255.255     | private
      192.0.0.8          | IETF protocol assignments
      192.0.2.10         | TEST-NET-1
      192.88.99.1        | 6to4 relay anycast
      192.168.1.1        | private
      198.18.0.1         | benchmarking
      198.19.255.254     | benchmarking
      198.51.100.7       | TEST-NET-2
      203.0.113.9        | TEST-NET-3
      224.0.0.1          | multicast
      239.255.255.250    | multicast
      240.0.0.1          | reserved
      255.255.255.255    | limited broadcast
      ::                 | unspecified
      ::1                | loopback
      ::127.0.0.1        | IPv4-compatible loopback
      ::a9fe:a9fe        | IPv4-compatible metadata
      ::ffff:127.0.0.1   | IPv4-mapped loopback
      ::ffff:a9fe:a9fe   | IPv4-mapped metadata
      ::ffff:10.0.0.1    | IPv4-mapped private
      64:ff9b::a9fe:a9fe | NAT64 of the metadata address
      64:ff9b::7f00:1    | NAT64 of loopback
      64:ff9b:1::808:808 | local-use NAT64
      2002:7f00:1::      | 6to4 of loopback
      2002:a9fe:a9fe::1  | 6to4 of metadata
      2002:c0a8:101::    | 6to4 of private
      2001:0:4136:e378:8000:63bf:80ff:fffe | Teredo with loopback client (inverted 7f00:0001)
      2001:0:a9fe:a9fe:8000:63bf:f7f7:f7f7 | Teredo with metadata server
      2001:db8::1        | documentation
      3fff::1            | documentation
      2001:10::1         | ORCHID
      2001:20::1         | ORCHIDv2
      2001:2::1          | benchmarking
      100::1             | discard-only
      5f00::1            | SRv6 SIDs
      fc00::1            | unique local
      fd12:3456::1       | unique local
      fe80::1            | link-local
      fec0::1            | site-local
      ff02::1            | multicast
      """)
  void specialPurposeAddressesAreRefused(String address, String why) throws Exception {
    assertEquals(false, policy.allowed(InetAddress.getByName(address)), address + " is " + why);
  }

  @ParameterizedTest(name = "{0} allowed")
  @CsvSource({
      "93.184.216.34", "8.8.8.8", "1.1.1.1", "198.20.0.1", "100.128.0.1", "172.32.0.1", "192.0.3.1",
      "2606:4700::1111", "2a00:1450:4001::1", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1",
      "2001:0:5ef5:79fb:0:59d:f7f7:f7f7"})
  void globalUnicastAddressesAreAllowed(String address) throws Exception {
    assertTrue(policy.allowed(InetAddress.getByName(address)), address);
  }

  @Test
  void refusedLiteralsInUrisFailBeforeAnyConnection() {
    UriImageFetcher fetcher = new UriImageFetcher(policy, List.of(), 1000, Duration.ofSeconds(2));
    // Nothing listens on port 9 of these addresses: a refusal other than uri_not_allowed would mean a connect.
    for (String host : List.of("[::127.0.0.1]", "[::a9fe:a9fe]", "[64:ff9b::a9fe:a9fe]", "[2002:7f00:1::]",
        "198.18.0.1", "192.0.2.1", "[::ffff:169.254.169.254]")) {
      InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
          () -> fetcher.fetch("http://" + host + ":9/x.png"), host);
      assertEquals("uri_not_allowed", e.reason(), host);
    }
    assertTrue(new AddressPolicy(true).allowed(InetAddress.getLoopbackAddress()));
  }
}
