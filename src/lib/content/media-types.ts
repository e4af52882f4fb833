/** MIME types of the files a clip publishes, by extension. */
const TYPES: Record<string, string> = {
	mp3: 'audio/mpeg',
	ogg: 'audio/ogg',
	oga: 'audio/ogg',
	opus: 'audio/ogg',
	flac: 'audio/flac',
	wav: 'audio/wav',
	vtt: 'text/vtt'
};

/** The MIME type of a published file, without parameters (`audio/mpeg`, `text/vtt`). */
export function mediaType(file: string): string {
	return TYPES[file.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream';
}
