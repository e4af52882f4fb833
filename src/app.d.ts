// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		// interface Error {}
		interface Locals {
			/**
			 * The page is a long interview's: its scripts are not preloaded from its head (see
			 * src/hooks.server.ts).
			 */
			longTranscript?: boolean;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
