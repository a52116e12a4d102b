import os from "node:os";

/** The machine a run was made on: figures mean little without it. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly v8: string;
  readonly platform: string;
  /** 1, 5 and 15 minute load averages when the run started: > 0.5 × cores means a shared, busy machine. */
  readonly loadAverage: ReadonlyArray<number>;
}

/**
 * Describes this machine.
 *
 * @example machineInfo().cores // 2
 */
export const machineInfo = (): MachineInfo => {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
};

/**
 * The current load averages (to record how busy the machine was around a measurement).
 *
 * @example loadNow() // e.g. [1.2, 0.9, 0.7]
 */
export const loadNow = (): ReadonlyArray<number> => os.loadavg().map((l) => Math.round(l * 100) / 100);
