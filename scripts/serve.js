// Serves the built site (build/) the way a plain static web server or CDN would: files only,
// byte ranges for audio seeking, `.html` resolved for prerendered pages, the security headers
// of scripts/headers.js on every response, CORS on the files other sites read (manifests,
// oEmbed, transcripts, audio), and the site's own 404.html (status 404) for any path that is
// not a file. No server code.
// Usage: node scripts/serve.js [--port 4173] [--host 127.0.0.1] [--dir build]
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import {
	CROSS_ORIGIN_HEADERS,
	PREFLIGHT_HEADERS,
	contentTypeOf,
	isSharedFile,
	securityHeaders
} from './headers.js';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: process.env.PORT ?? '4173' },
		host: { type: 'string', default: '127.0.0.1' },
		dir: { type: 'string', default: 'build' },
		// One JSON line per response with the bytes actually sent (the benchmark reads these).
		log: { type: 'boolean', default: false }
	}
});

const files = sirv(values.dir, {
	extensions: ['html'],
	etag: true,
	dev: false,
	// The precompressed files the build writes, as nginx's gzip_static or a CDN would send.
	gzip: true,
	brotli: true,
	// A manifest's type depends on what the client accepts (see contentTypeOf).
	setHeaders: (response, pathname) => {
		if (contentTypeOf(pathname)) response.setHeader('Vary', 'Accept, Accept-Encoding');
	}
});
/** Counts the body bytes written to a response and logs them when it closes. */
function logBytes(request, response) {
	let bytes = 0;
	const write = response.write.bind(response);
	const end = response.end.bind(response);
	const count = (chunk) => {
		if (chunk && typeof chunk !== 'function') bytes += Buffer.byteLength(chunk);
	};
	response.write = (chunk, ...rest) => (count(chunk), write(chunk, ...rest));
	response.end = (chunk, ...rest) => (count(chunk), end(chunk, ...rest));
	response.on('close', () => {
		const line = { url: request.url, range: request.headers.range, status: response.statusCode };
		console.log(JSON.stringify({ ...line, bytes, complete: response.writableFinished }));
	});
}

/** The build's prerendered 404 page (with its Content-Security-Policy), as nginx's error_page. */
async function notFound(request, response) {
	response.statusCode = 404;
	const page = await readFile(join(values.dir, '404.html')).catch(() => undefined);
	if (page) {
		response.setHeader('content-type', 'text/html; charset=utf-8');
		response.end(request.method === 'HEAD' ? undefined : page);
	} else {
		response.setHeader('content-type', 'text/plain; charset=utf-8');
		response.end('Not found');
	}
}

const server = createServer((request, response) => {
	if (values.log) logBytes(request, response);
	const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
	for (const [name, value] of Object.entries(securityHeaders(pathname))) {
		response.setHeader(name, value);
	}
	if (isSharedFile(pathname)) {
		if (request.method === 'OPTIONS') {
			response.writeHead(204, PREFLIGHT_HEADERS);
			response.end();
			return;
		}
		for (const [name, value] of Object.entries(CROSS_ORIGIN_HEADERS)) {
			response.setHeader(name, value);
		}
	}
	// sirv keeps a content type set beforehand (a manifest's, by what the client accepts).
	const type = contentTypeOf(pathname, request.headers.accept);
	if (type) response.setHeader('Content-Type', type);
	files(request, response, () => void notFound(request, response));
});
server.listen(Number(values.port), values.host, () => {
	// The port really listened on (`--port 0` takes a free one), on standard error: with --log,
	// standard output is the responses' JSON lines.
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	console.error(`Serving ${values.dir}/ at http://${values.host}:${port}/`);
});
