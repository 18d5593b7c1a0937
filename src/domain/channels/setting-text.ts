import { z } from 'zod';

/** A string setting of a channel in the config file (it may hold `${VAR}`). */
export const settingText = () => z.string({ error: 'expected a string' });
