package dev.groundstream.ingest.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.ImageRef;
import dev.groundstream.ingest.BombImages;
import dev.groundstream.ingest.InvalidInputException;
import dev.groundstream.ingest.TestImages;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

class ImagesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(ImageValidation.class)
  void validatorRecordsSizeAndRefusesBombsBeforeDecoding(ImageValidation mode) {
    ImageValidator validator = new ImageValidator(1_000_000, 64_000_000, mode);
    ValidatedImage png = validator.validate(TestImages.png(30, 20));
    assertEquals(30, png.width());
    assertEquals(20, png.height());
    assertEquals(MediaType.PNG, png.type());
    InvalidInputException bomb = assertThrows(InvalidInputException.class, () -> validator.validate(BombImages.png(9000, 9000)));
    assertEquals(413, bomb.status());
    assertEquals("too_many_pixels", bomb.reason());
    assertEquals(415, assertThrows(InvalidInputException.class, () -> validator.validate(TestImages.gif(5, 5))).status());
    assertEquals(413, assertThrows(InvalidInputException.class, () -> new ImageValidator(10, 100, mode).validate(TestImages.png(5, 5))).status());
  }

  @ParameterizedTest
  @EnumSource(ImageValidation.class)
  void deepPngsAreJudgedByTheirDecodedBytesBeforeDecoding(ImageValidation mode) {
    ImageValidator defaults = new ImageValidator(1_000_000, dev.groundstream.images.ImageBudget.DEFAULT, mode);
    // 6000x6000 = 36 MP passes the 40 MP cap, but at 16 bits x 3 channels it decodes to 216 MB of raster.
    InvalidInputException deep = assertThrows(InvalidInputException.class, () -> defaults.validate(BombImages.png(6000, 6000, 16)));
    assertEquals(413, deep.status());
    assertEquals("decoded_too_large", deep.reason());
    assertTrue(deep.getMessage().contains("48 bits per pixel"), deep.getMessage());
    // The bomb: 8000x8000 16-bit is refused too (64 MP over the pixel cap).
    assertEquals("too_many_pixels", assertThrows(InvalidInputException.class,
        () -> defaults.validate(BombImages.png(8000, 8000, 16))).reason());
    // The same size at 8 bits (108 MB) is within the budget: refused only because its data is truncated.
    assertEquals("corrupt_image", assertThrows(InvalidInputException.class,
        () -> defaults.validate(BombImages.png(6000, 6000, 8))).reason());
  }

  @Test
  void subsamplingKeepsTheValidationRasterSmall() {
    assertEquals(1, ImageValidator.subsampling(2000, 2000));
    assertEquals(4, ImageValidator.subsampling(8000, 8000));
  }

  @Test
  void claimCheckStoresLargeImagesOnceByContent() throws Exception {
    ImageRefFactory refs = new ImageRefFactory(100, new BlobStore(dir));
    byte[] small = new byte[100];
    ImageRef inline = refs.create(small, MediaType.JPEG, 1, 1, Sha256.hex(small));
    assertNotNull(inline.getInline());
    assertNull(inline.getUri());
    byte[] large = new byte[101];
    String sha = Sha256.hex(large);
    ImageRef stored = refs.create(large, MediaType.PNG, 1, 1, sha);
    assertNull(stored.getInline());
    Path file = Path.of(URI.create(stored.getUri()));
    assertEquals(dir.toAbsolutePath().resolve(sha.substring(0, 2)).resolve(sha + ".png"), file);
    assertArrayEquals(large, Files.readAllBytes(file));
    assertEquals(stored.getUri(), refs.create(large, MediaType.PNG, 1, 1, sha).getUri());
  }

  @Test
  void onlyPublicAddressesAreAllowedByDefault() throws Exception {
    AddressPolicy policy = new AddressPolicy(false);
    for (String a : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
        "100.64.0.1", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "224.0.0.1"}) {
      assertFalse(policy.allowed(InetAddress.getByName(a)), a);
    }
    for (String a : new String[] {"93.184.216.34", "8.8.8.8", "2606:4700::1111"}) {
      assertTrue(policy.allowed(InetAddress.getByName(a)), a);
    }
    assertTrue(new AddressPolicy(true).allowed(InetAddress.getByName("127.0.0.1")));
  }

  @Test
  void fileUrisOnlyUnderConfiguredRoots() throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    Path inside = Files.write(root.resolve("a.png"), TestImages.png(3, 3));
    Path outside = Files.write(dir.resolve("b.png"), TestImages.png(3, 3));
    UriImageFetcher fetcher = new UriImageFetcher(new AddressPolicy(false), java.util.List.of(root.toAbsolutePath()),
        1_000_000, java.time.Duration.ofSeconds(1));
    assertArrayEquals(Files.readAllBytes(inside), fetcher.fetch(inside.toUri().toString()));
    assertEquals("uri_not_allowed", assertThrows(InvalidInputException.class,
        () -> fetcher.fetch(outside.toUri().toString())).reason());
    assertEquals("uri_not_allowed", assertThrows(InvalidInputException.class,
        () -> fetcher.fetch(root.toUri() + "../b.png")).reason());
  }
}
