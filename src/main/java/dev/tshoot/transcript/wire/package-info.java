/**
 * Transcript format version 2 as its own types: one record per line type ({@link
 * dev.tshoot.transcript.wire.WireHeader}, {@link dev.tshoot.transcript.wire.WireEvent}) with
 * explicit property names, closed vocabularies as enums with fixed wire names, and {@link
 * dev.tshoot.transcript.wire.WireCodec}, which writes them as JSON and reads them back strictly,
 * naming the line of anything it refuses. Nothing here knows the engine or the playbook model;
 * {@code dev.tshoot.transcript.WireMapping} maps the engine's events to these records and back.
 * The contract is docs/transcript-format.md, with docs/transcript-line.schema.json.
 */
package dev.tshoot.transcript.wire;
