/**
 * One import for the config's names and types: the file's schema (file-schema.ts, the seed's
 * shape) and the normalized model the commands consume (model.ts).
 */
export { GATE_NAMES, GATE_ACTIONS, type GateName, type GateAction } from '../domain/gates/catalog/names.js';
export { CONFIG_CHANNELS, CONFIG_CHANNELS as CHANNELS, type ConfigChannelName } from './channels-schema.js';
export {
  configSchemas,
  configJsonSchema,
  type ConfigFile,
  type EnvironmentFileConfig,
} from './file-schema.js';
export {
  type ChannelName,
  type EnvironmentConfig,
  type QualityGates,
  type HealthGate,
  type MetricGate,
  type MonitoringConfig,
  type NotificationsConfig,
  type EscalationLevel,
  type AutoRollbackConfig,
  type ServiceConfig,
  type TargetConfig,
  type LocalTargetConfig,
  type CommandTargetConfig,
  type BackupConfig,
  type MigrationsConfig,
  type MetricsSourceConfig,
  type LogLevelName,
} from './model.js';
