import type { FullConfig } from '@playwright/test';
import { startSoundOutput } from '../scripts/sound-output.js';

/** Starts the virtual sound output when a project plays into it; returns what stops it. */
export default async function soundSetup(config: FullConfig) {
	if (!config.projects.some((project) => project.name === SOUND_PROJECT)) return;
	return await startSoundOutput();
}

export const SOUND_PROJECT = 'firefox-sound';
