import type { Command } from 'commander';
import { configJsonSchema } from '../../config/schema.js';
import { print, type CliIo } from '../io.js';

export function registerConfigSchema(program: Command, io: CliIo): void {
  program
    .command('config-schema')
    .description('Print the JSON Schema of quality-gates-config.json (generated from the zod schema).')
    .action(() => {
      print(io, JSON.stringify(configJsonSchema(), null, 2));
    });
}
