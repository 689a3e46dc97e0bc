export function findPgBin(): string | null;
export function startCluster(): Promise<{ url: string; dir: string; stop: () => void }>;
export function stopCluster(dir: string): void;
