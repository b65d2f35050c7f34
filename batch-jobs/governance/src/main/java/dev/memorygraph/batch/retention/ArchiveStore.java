package dev.memorygraph.batch.retention;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.ReadableConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * The archive bucket through the AWS SDK for Java v2: archive objects go up with their storage
 * class, a {@code Content-MD5} the server checks on receipt and a SHA-256 checksum, and are
 * verified by a {@code HEAD} (which works on {@code GLACIER} objects, where a {@code GET} needs a
 * restore). Small objects the job reads back (journal, id lists, catalog) are {@code STANDARD}.
 * Messages name keys, never content.
 */
final class ArchiveStore implements AutoCloseable {

    /** What a {@code HEAD} says of an object. */
    record Facts(
            long size,
            String eTag,
            String checksumSha256,
            String storageClass,
            Map<String, String> metadata) {}

    private final S3Client s3;
    private final String bucket;

    ArchiveStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    static ArchiveStore open(ReadableConfig config, String bucket) {
        var builder =
                S3Client.builder()
                        .httpClient(UrlConnectionHttpClient.create())
                        .region(Region.of(config.get(ArchivalOptions.REGION)))
                        .forcePathStyle(config.get(ArchivalOptions.PATH_STYLE));
        config.getOptional(ArchivalOptions.ENDPOINT)
                .map(URI::create)
                .ifPresent(builder::endpointOverride);
        if (config.getOptional(ArchivalOptions.ACCESS_KEY).isPresent()) {
            builder.credentialsProvider(
                    StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(
                                    config.get(ArchivalOptions.ACCESS_KEY),
                                    config.get(ArchivalOptions.SECRET_KEY))));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return new ArchiveStore(builder.build(), bucket);
    }

    String bucket() {
        return bucket;
    }

    /**
     * Creates the bucket when it does not exist, for local runs and tests; production buckets are
     * provisioned with their lifecycle rules and policies, not by the job.
     */
    void createBucketIfMissing() {
        try {
            s3.headBucket(r -> r.bucket(bucket));
        } catch (NoSuchBucketException e) {
            s3.createBucket(r -> r.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(r -> r.bucket(bucket));
        }
    }

    /** Uploads {@code file} as {@code key}; a PUT of the same key again replaces it. */
    void putArchive(
            String key,
            Path file,
            String storageClass,
            String md5Base64,
            String sha256Base64,
            Map<String, String> metadata) {
        s3.putObject(
                r ->
                        r.bucket(bucket)
                                .key(key)
                                .storageClass(StorageClass.fromValue(storageClass))
                                .contentType("application/vnd.apache.parquet")
                                .contentMD5(md5Base64)
                                .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                                .checksumSHA256(sha256Base64)
                                .metadata(metadata),
                RequestBody.fromFile(file));
    }

    /** A small {@code STANDARD} object. */
    void put(String key, byte[] bytes, String contentType) {
        s3.putObject(
                r -> r.bucket(bucket).key(key).contentType(contentType),
                RequestBody.fromBytes(bytes));
    }

    /** The object's facts, or none when there is no such key. */
    Optional<Facts> head(String key) {
        try {
            HeadObjectResponse head =
                    s3.headObject(
                            r -> r.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
            return Optional.of(
                    new Facts(
                            head.contentLength(),
                            head.eTag() == null ? null : head.eTag().replace("\"", ""),
                            head.checksumSHA256(),
                            head.storageClassAsString(),
                            head.metadata()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A small object's bytes, or none. */
    Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** Downloads {@code key} to {@code target} (a restored archive, or any object). */
    void download(String key, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        try (ResponseInputStream<GetObjectResponse> in =
                s3.getObject(r -> r.bucket(bucket).key(key))) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Downloads {@code key} to {@code target} when it can be read; when it is archived ({@code
     * InvalidObjectState}: in Glacier, not restored), asks S3 to restore it for {@code days} and
     * returns {@code false}.
     */
    boolean downloadOrRestore(String key, Path target, int days) throws IOException {
        try {
            download(key, target);
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 403
                    && e.awsErrorDetails() != null
                    && "InvalidObjectState".equals(e.awsErrorDetails().errorCode())) {
                restore(key, days);
                return false;
            }
            throw e;
        }
    }

    /**
     * Asks S3 to restore an archived object for {@code days}; {@code false} when the object needs
     * none (not archived, or already restored or restoring).
     */
    boolean restore(String key, int days) {
        try {
            s3.restoreObject(r -> r.bucket(bucket).key(key).restoreRequest(q -> q.days(days)));
            return true;
        } catch (S3Exception e) {
            // InvalidObjectState: not an archived object; RestoreAlreadyInProgress: asked before
            if (e.statusCode() == 403 || e.statusCode() == 409) {
                return false;
            }
            throw e;
        }
    }

    /** Keys under {@code prefix}, in key order. */
    List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        for (var page : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix))) {
            for (S3Object object : page.contents()) {
                keys.add(object.key());
            }
        }
        return keys;
    }

    void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    @Override
    public void close() {
        s3.close();
    }
}
