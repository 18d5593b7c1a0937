/** The config's bounds live with the gate modules (domain); re-exported for config and front ends. */
export * from '../domain/bounds.js';
