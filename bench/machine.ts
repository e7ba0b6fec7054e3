/** The machine a run measured on, recorded beside the figures: they mean little without it. */
import os from "node:os";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  v8: string;
  os: string;
  arch: string;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    v8: process.versions.v8,
    os: `${os.type()} ${os.release()}`,
    arch: os.arch(),
  };
}

export function machineLine(machine: Machine): string {
  const { cpu, cores, memoryGiB, node, os: system, arch } = machine;
  return `${cpu}, ${cores} cores, ${memoryGiB} GiB, Node ${node}, ${system} ${arch}`;
}
