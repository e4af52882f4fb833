/*
 * Limits on what the build reads, so that a huge or hostile file gets a verdict at once instead
 * of exhausting memory or the stack. Real transcripts stay far below them: a 10-hour interview
 * is about 1 MB of WebVTT, and cue markup nests two or three tags deep.
 */

/** Largest text file (transcript, clip.json, collection.json) the build reads, in bytes. */
export const MAX_TEXT_FILE_BYTES = 50 * 1024 * 1024;

/** Deepest nesting of tags in one cue (`<i><b>…`); past it the cue is refused. */
export const MAX_TAG_DEPTH = 100;

/** Most tags (start and end) in one cue; past it the cue is refused. A cue is one utterance. */
export const MAX_TAGS_PER_CUE = 10_000;

/** A size in megabytes, for messages. */
export const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Deepest nesting of objects and arrays in a JSON file; metadata nests four deep at most. */
export const MAX_JSON_DEPTH = 100;

/**
 * Deepest nesting of elements in an XML file the import reads (a Word document's parts): Word
 * nests about ten deep, a table in a table a few more. XML readers recurse over the tree.
 */
export const MAX_XML_DEPTH = 100;
