// Plain JavaScript (typed with JSDoc) so that the Node scripts (narration, benchmarks) can use
// it as well as the TypeScript code: the one place that reads and writes WAV files.

/**
 * The 44-byte header of a 16-bit PCM mono WAV file.
 * @param {number} samples how many samples follow
 * @param {number} rate samples per second
 * @returns {Buffer}
 */
export function wavHeader(samples, rate) {
	const header = Buffer.alloc(44);
	header.write('RIFF', 0, 'ascii');
	header.writeUInt32LE(36 + samples * 2, 4);
	header.write('WAVEfmt ', 8, 'ascii');
	header.writeUInt32LE(16, 16);
	header.writeUInt16LE(1, 20); // PCM
	header.writeUInt16LE(1, 22); // mono
	header.writeUInt32LE(rate, 24);
	header.writeUInt32LE(rate * 2, 28);
	header.writeUInt16LE(2, 32);
	header.writeUInt16LE(16, 34);
	header.write('data', 36, 'ascii');
	header.writeUInt32LE(samples * 2, 40);
	return header;
}

/**
 * The rate and the PCM bytes of a 16-bit WAV file's data chunk. espeak-ng writing to a file
 * leaves the data size unset, so the data is taken to run to the end.
 * @param {Buffer} bytes the whole file
 * @param {string} name for the error message
 * @returns {{ rate: number, pcm: Buffer }}
 */
export function readWav(bytes, name) {
	let offset = 12;
	let rate = 0;
	while (offset < bytes.length) {
		const id = bytes.toString('ascii', offset, offset + 4);
		const size = bytes.readUInt32LE(offset + 4);
		if (id === 'fmt ') rate = bytes.readUInt32LE(offset + 12);
		if (id === 'data') return { rate, pcm: bytes.subarray(offset + 8) };
		offset += 8 + size;
	}
	throw new Error(`${name}: no data chunk`);
}
