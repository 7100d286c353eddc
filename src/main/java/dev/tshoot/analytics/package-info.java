/**
 * Stats for playbook authors: many transcripts read (each verified, in one streaming pass), and
 * per playbook id and version how sessions went: outcomes, where people stopped or went back, time
 * per node, refused commands, symptoms and hand-overs that led in and out, and the paths that end
 * in escalation. {@link dev.tshoot.analytics.Stats} reads a folder into a
 * {@link dev.tshoot.analytics.StatsReport}; {@code StatsText}, {@code StatsJson} and
 * {@code StatsHtml} render it (the HTML draws the traffic map over the decision tree in the
 * export's layout); {@code EventTable} flattens the events into one row each for SQL and Parquet.
 * Memory is bounded by the playbooks' size, not by the number of transcripts: one session is held
 * at a time, and what is kept per key is capped ({@link dev.tshoot.analytics.Tally}).
 */
package dev.tshoot.analytics;
