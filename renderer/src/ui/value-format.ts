// The wall's number and unit formatting lives in shared/rules, so that the
// HTML report (main process) writes values exactly as the wall shows them.
export * from '../../../shared/rules/value-format';
