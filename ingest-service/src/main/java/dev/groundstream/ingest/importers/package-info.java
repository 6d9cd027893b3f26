/**
 * Dataset importers: Flickr30k Entities, MDETR-style COCO json and our JSONL, each an indexed
 * {@link dev.groundstream.ingest.importers.DatasetImporter}, written to Kafka by the resumable,
 * rate-limited {@link dev.groundstream.ingest.importers.ImportRunner}. See docs/importers.md.
 */
package dev.groundstream.ingest.importers;
