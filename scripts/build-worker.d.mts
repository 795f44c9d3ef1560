/** Types of scripts/build-worker.mjs (a plain script, so `npm run worker` needs no TypeScript loader to build). */
export declare const WORKER_BUNDLE: string;
export declare function buildWorker(root?: string): Promise<void>;
