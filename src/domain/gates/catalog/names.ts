/**
 * The quality gates' names come from the catalog (catalog.ts): a gate is named by its module.
 * What a breach may do is the same for every gate.
 */
export { GATE_NAMES, METRIC_GATE_NAMES, type GateName, type MetricGateName } from './catalog.js';

export const GATE_ACTIONS = ['alert', 'auto_rollback'] as const;
export type GateAction = (typeof GATE_ACTIONS)[number];
