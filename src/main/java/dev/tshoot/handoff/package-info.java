/**
 * Hand-off of a case to support's object store: an export bundle sent to an S3-compatible store
 * (AWS S3, MinIO, Ceph, R2), to a pre-signed URL or to a bucket with the default AWS credential
 * chain. Knows no terminal, no shell and no Spring; the only package that uses the AWS SDK.
 */
package dev.tshoot.handoff;
