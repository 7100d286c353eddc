package dev.tshoot.handoff;

/** A confirmed upload: where the object is, its ETag as the store reported it, and the parts sent. */
public record Receipt(String location, String etag, int parts, int partsResumed) {}
