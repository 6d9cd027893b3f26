package dev.groundstream.config;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The AWS SDK v2 client for {@link S3Blobs}: the JDK's HTTP client (no Apache or Netty), the
 * configured endpoint and path style, static keys when given (else the AWS default chain), and
 * checksums only where the API requires them, which S3-compatible servers (MinIO, s3proxy) accept.
 * Callers need software.amazon.awssdk:s3 and :url-connection-client on their class path.
 */
public final class S3Clients {
  private S3Clients() {}

  public static S3Client create(S3Blobs blobs) {
    S3ClientBuilder builder = S3Client.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(blobs.region()))
        .forcePathStyle(blobs.pathStyle())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    blobs.endpoint().ifPresent(builder::endpointOverride);
    if (blobs.accessKeyId().isPresent() && blobs.secretAccessKey().isPresent()) {
      builder.credentialsProvider(StaticCredentialsProvider.create(
          AwsBasicCredentials.create(blobs.accessKeyId().get(), blobs.secretAccessKey().get())));
    } else {
      builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    return builder.build();
  }
}
