// Generates docs/EVENTS.md: each command → the events it records → the projections and policies that follow
// them → the read tables they write and the live events they push. Everything is read from the code with the
// TypeScript compiler (the workspace root's TypeScript 6; the backend builds with TypeScript 7, whose compiler
// API is not stable yet):
//   - the events: the keys of `EventMap` in backend/aggregates/event-catalogue.ts;
//   - the commands: every `@CommandHandler(X)` class under backend/aggregates, and the catalogued events its
//     `execute` can reach through the calls it makes into backend/aggregates (aggregate methods, deciders);
//   - the projections and policies: the classes in PROJECTION_CLASSES and POLICY_CLASSES, the keys of their
//     handler maps, their `tables`, the events a policy's `apply` records and the `emit(room, 'event')` calls
//     of a class (its live pushes).
//
//   node ops/docs/events-map.mjs            writes docs/EVENTS.md
//   node ops/docs/events-map.mjs --check    exits 1 when docs/EVENTS.md is not what the code says
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const backend = path.join(root, 'backend');
const aggregatesDir = path.join(backend, 'aggregates') + path.sep;
const target = path.join(root, 'docs/EVENTS.md');

const relative = (file) => path.relative(root, file).split(path.sep).join('/');

function loadProgram() {
  const configPath = path.join(backend, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} },
  );
  if (!config) throw new Error(`cannot read ${configPath}`);
  return ts.createProgram({ rootNames: config.fileNames, options: { ...config.options, noEmit: true } });
}

/** A string literal type's value, or undefined. */
function literalOf(checker, node) {
  const type = checker.getTypeAtLocation(node);
  return type.isStringLiteral() ? type.value : undefined;
}

function findNode(node, test) {
  if (test(node)) return node;
  return ts.forEachChild(node, (child) => findNode(child, test));
}

function declarationOf(checker, node) {
  let symbol = checker.getSymbolAtLocation(node);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.declarations ?? [];
}

/** The catalogued event types, in catalogue order, with the aggregate folder that defines each. */
function readCatalogue(program, checker) {
  const file = program.getSourceFile(path.join(backend, 'aggregates/event-catalogue.ts'));
  const eventMap = findNode(file, (n) => ts.isInterfaceDeclaration(n) && n.name.text === 'EventMap');
  return eventMap.members.map((member) => {
    const type = literalOf(checker, member.name.expression);
    const owner = declarationOf(checker, member.name.expression.expression)[0];
    const aggregate = path.relative(aggregatesDir, owner.getSourceFile().fileName).split(path.sep)[0];
    return { type, aggregate };
  });
}

/** An event type that is only compared with (`case X:`, `type === X`) is not recorded: e.g. in `evolve`. */
function isComparedWith(node) {
  const parent = node.parent;
  if (ts.isCaseClause(parent)) return true;
  if (!ts.isBinaryExpression(parent)) return false;
  const op = parent.operatorToken.kind;
  return [
    ts.SyntaxKind.EqualsEqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsEqualsToken,
    ts.SyntaxKind.EqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsToken,
  ].includes(op);
}

/**
 * The catalogued events a function can record: event type constants it mentions, and those of the functions and
 * methods under backend/aggregates it calls, followed call by call.
 */
function eventsReachedFrom(checker, start, eventTypes) {
  const found = new Set();
  const seen = new Set();
  const visit = (node) => {
    if (ts.isPropertyAccessExpression(node) && !isComparedWith(node)) {
      const value = literalOf(checker, node);
      if (value && eventTypes.has(value)) found.add(value);
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression;
      for (const declaration of declarationOf(checker, callee)) follow(declaration);
    }
    ts.forEachChild(node, visit);
  };
  const follow = (declaration) => {
    if (seen.has(declaration) || !declaration.getSourceFile().fileName.startsWith(aggregatesDir)) return;
    seen.add(declaration);
    const body =
      ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration)
        ? declaration.initializer
        : declaration.body;
    if (body) visit(body);
  };
  follow(start);
  return [...found];
}

function decoratorCall(node, name) {
  return ts
    .getDecorators(node)
    ?.map((d) => d.expression)
    .find((e) => ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === name);
}

function methodOf(classNode, name) {
  return classNode.members.find((m) => ts.isMethodDeclaration(m) && m.name.getText() === name);
}

function propertyOf(classNode, name) {
  return classNode.members.find((m) => ts.isPropertyDeclaration(m) && m.name.getText() === name);
}

/** Every command: its aggregate, its handler's file, the events its handler can record. */
function readCommands(program, checker, eventTypes) {
  const commands = [];
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(aggregatesDir)) continue;
    ts.forEachChild(file, (node) => {
      if (!ts.isClassDeclaration(node)) return;
      const handles = decoratorCall(node, 'CommandHandler');
      if (!handles) return;
      const execute = methodOf(node, 'execute');
      commands.push({
        name: handles.arguments[0].getText().replace(/Command$/, ''),
        aggregate: path.relative(aggregatesDir, file.fileName).split(path.sep)[0],
        file: relative(file.fileName),
        events: eventsReachedFrom(checker, execute, eventTypes),
      });
    });
  }
  return commands.sort((a, b) => a.aggregate.localeCompare(b.aggregate) || a.name.localeCompare(b.name));
}

/** The classes a registration array (e.g. PROJECTION_CLASSES) lists, in its order. */
function registeredClasses(program, checker, file, arrayName) {
  const source = program.getSourceFile(path.join(backend, file));
  const declaration = findNode(source, (n) => ts.isVariableDeclaration(n) && n.name.getText() === arrayName);
  return declaration.initializer.elements.map((element) => declarationOf(checker, element).find(ts.isClassDeclaration));
}

/** The event types a handler map follows: the keys of the object literal given to handlerMap(…). */
function handledEvents(checker, classNode) {
  let handlers = propertyOf(classNode, 'handlers').initializer.arguments[0];
  if (ts.isIdentifier(handlers)) handlers = declarationOf(checker, handlers)[0].initializer;
  return checker
    .getTypeAtLocation(handlers)
    .getProperties()
    .map((p) => p.name);
}

function readConsumer(program, checker, classNode, kind, eventTypes) {
  const tables = propertyOf(classNode, 'tables')?.initializer.elements.map((e) => e.text) ?? [];
  const pushes = new Set();
  const visit = (node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'emit' &&
      node.arguments.length > 1 &&
      ts.isStringLiteral(node.arguments[1])
    )
      pushes.add(node.arguments[1].text);
    ts.forEachChild(node, visit);
  };
  visit(classNode);
  const apply = kind === 'policy' ? methodOf(classNode, 'apply') : undefined;
  return {
    name: literalOf(checker, propertyOf(classNode, 'name').initializer),
    kind,
    file: relative(classNode.getSourceFile().fileName),
    follows: handledEvents(checker, classNode),
    tables,
    pushes: [...pushes],
    records: apply ? eventsReachedFrom(checker, apply, eventTypes) : [],
  };
}

export function readMap() {
  const program = loadProgram();
  const checker = program.getTypeChecker();
  const events = readCatalogue(program, checker);
  const eventTypes = new Set(events.map((e) => e.type));
  const consumers = [
    ...registeredClasses(program, checker, 'src/app/projections.module.ts', 'PROJECTION_CLASSES').map((c) =>
      readConsumer(program, checker, c, 'projection', eventTypes),
    ),
    ...registeredClasses(program, checker, 'src/app/policies.module.ts', 'POLICY_CLASSES').map((c) =>
      readConsumer(program, checker, c, 'policy', eventTypes),
    ),
  ];
  return { events, commands: readCommands(program, checker, eventTypes), consumers };
}

const code = (text) => `\`${text}\``;
const list = (items) => (items.length ? items.map(code).join(', ') : '—');

/** What follows an event, as nested list lines: each consumer, and what a policy's records set off in turn. */
function followers(map, eventType, depth, trail) {
  const lines = [];
  for (const consumer of map.consumers.filter((c) => c.follows.includes(eventType))) {
    const does = [
      consumer.tables.length ? `writes ${list(consumer.tables)}` : '',
      consumer.pushes.length ? `pushes ${list(consumer.pushes)}` : '',
      consumer.records.length ? `records ${list(consumer.records)}` : '',
    ].filter(Boolean);
    lines.push(
      `${'  '.repeat(depth)}- ${consumer.kind} **${consumer.name}** ([${path.basename(consumer.file)}](../${consumer.file}))${does.length ? `: ${does.join('; ')}` : ''}`,
    );
    for (const recorded of consumer.records.filter((r) => !trail.includes(r))) {
      lines.push(`${'  '.repeat(depth + 1)}- ${code(recorded)}`);
      lines.push(...followers(map, recorded, depth + 2, [...trail, recorded]));
    }
  }
  return lines;
}

export function renderMap(map) {
  const out = [
    '# Events map',
    '',
    '<!-- Generated by `npm run docs:events` (ops/docs/events-map.mjs); backend/test/events-map.spec.ts fails when it is stale. -->',
    '',
    'What each command sets off, read from the code: the events its handler records (the event catalogue,',
    '`backend/aggregates/event-catalogue.ts`), the projections and policies that follow each event (their handler',
    'maps, registered in `backend/src/app/projections.module.ts` and `policies.module.ts`), the read tables they',
    'write, the live (Socket.IO) events they push, and what a policy records in turn.',
    '',
    '## Commands',
  ];
  for (const command of map.commands) {
    out.push(
      '',
      `### ${command.name} (${command.aggregate})`,
      '',
      `[${path.basename(command.file)}](../${command.file})`,
      '',
    );
    if (command.events.length === 0) out.push('- records no event');
    for (const event of command.events) out.push(`- ${code(event)}`, ...followers(map, event, 1, [event]));
  }
  out.push(
    '',
    '## Events',
    '',
    '| event | aggregate | recorded by | followed by |',
    '| --- | --- | --- | --- |',
    ...map.events.map(({ type, aggregate }) => {
      const recordedBy = [
        ...map.commands.filter((c) => c.events.includes(type)).map((c) => c.name),
        ...map.consumers.filter((c) => c.records.includes(type)).map((c) => c.name),
      ];
      const followedBy = map.consumers.filter((c) => c.follows.includes(type)).map((c) => c.name);
      return `| ${code(type)} | ${aggregate} | ${recordedBy.join(', ') || '—'} | ${followedBy.join(', ') || '—'} |`;
    }),
    '',
    '## Projections and policies',
    '',
    '| name | kind | follows | writes | pushes | records |',
    '| --- | --- | --- | --- | --- | --- |',
    ...map.consumers.map(
      (c) =>
        `| [${c.name}](../${c.file}) | ${c.kind} | ${list(c.follows)} | ${list(c.tables)} | ${list(c.pushes)} | ${list(c.records)} |`,
    ),
    '',
  );
  return out.join('\n');
}

/** docs/EVENTS.md as the code says it should read (formatted like every other file, by Prettier). */
export async function eventsMarkdown() {
  const options = await prettier.resolveConfig(target);
  return prettier.format(renderMap(readMap()), { ...options, filepath: target });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const markdown = await eventsMarkdown();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing: stale
    }
    if (current !== markdown) {
      console.error('docs/EVENTS.md is stale: run npm run docs:events');
      process.exitCode = 1;
    }
  } else {
    writeFileSync(target, markdown);
    console.log(`wrote ${relative(target)}`);
  }
}
