/**
 * Deterministic generators of realistic English course text for seeding and benchmarks.
 *
 * Everything here is a pure function of a seeded PRNG: the same seed gives the same catalog on every machine,
 * so benchmark results can be compared across runs. No dependencies.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32: a tiny, fast 32-bit PRNG; good enough for test data, not for anything secret. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max], both inclusive. */
export function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** Two distinct items (the list must hold at least two). */
function pickTwo<T>(rng: Rng, items: readonly T[]): [T, T] {
  const first = Math.floor(rng() * items.length);
  const second = (first + 1 + Math.floor(rng() * (items.length - 1))) % items.length;
  return [items[first], items[second]];
}

/** A version-4-shaped UUID drawn from the PRNG (deterministic, unlike crypto.randomUUID). */
export function randomUuid(rng: Rng): string {
  let hex = '';
  for (let i = 0; i < 4; i++)
    hex += Math.floor(rng() * 4294967296)
      .toString(16)
      .padStart(8, '0');
  const variant = ((Number.parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface Subject {
  /** As it appears in titles and prose: "Machine Learning". */
  name: string;
  /** Relative frequency in the catalog: popular subjects have more courses. */
  weight: number;
  /** What a course on it covers; used in descriptions. */
  topics: readonly string[];
  /** Tools or technologies students touch. */
  tools: readonly string[];
  /** Where the skill is used: "to build production services". */
  outcome: string;
}

const s = (name: string, weight: number, topics: string[], tools: string[], outcome: string): Subject => ({
  name,
  weight,
  topics,
  tools,
  outcome,
});

export const SUBJECTS: readonly Subject[] = [
  s(
    'Python',
    6,
    ['list comprehensions', 'decorators and generators', 'virtual environments', 'type hints', 'packaging and testing'],
    ['pytest', 'pip', 'Jupyter', 'VS Code'],
    'automate everyday tasks and write maintainable scripts and services',
  ),
  s(
    'JavaScript',
    6,
    ['closures and scope', 'promises and async/await', 'the DOM', 'modules', 'the event loop'],
    ['Node.js', 'npm', 'Chrome DevTools', 'Vite'],
    'build interactive pages and reliable front-end code',
  ),
  s(
    'Machine Learning',
    5,
    [
      'linear and logistic regression',
      'decision trees and ensembles',
      'model evaluation',
      'feature engineering',
      'neural networks',
    ],
    ['scikit-learn', 'PyTorch', 'pandas', 'NumPy'],
    'train, evaluate and ship predictive models',
  ),
  s(
    'Data Science',
    5,
    ['exploratory analysis', 'statistical inference', 'data cleaning', 'visualization', 'storytelling with data'],
    ['pandas', 'Jupyter', 'Matplotlib', 'SQL'],
    'turn raw data into decisions your team can act on',
  ),
  s(
    'Web Development',
    5,
    ['semantic HTML', 'responsive CSS layouts', 'REST APIs', 'authentication', 'deployment'],
    ['HTML', 'CSS', 'Node.js', 'Git'],
    'design, build and deploy complete websites',
  ),
  s(
    'Mobile Development',
    3,
    ['screen navigation', 'state management', 'offline storage', 'push notifications', 'app store releases'],
    ['Android Studio', 'Xcode', 'Flutter', 'React Native'],
    'ship polished apps to iOS and Android',
  ),
  s(
    'DevOps',
    3,
    [
      'continuous integration',
      'infrastructure as code',
      'monitoring and alerting',
      'release strategies',
      'incident response',
    ],
    ['GitHub Actions', 'Terraform', 'Docker', 'Prometheus'],
    'deliver software faster and keep it running',
  ),
  s(
    'Cloud Computing',
    3,
    [
      'virtual networks',
      'managed databases',
      'serverless functions',
      'identity and access management',
      'cost optimization',
    ],
    ['AWS', 'Azure', 'Google Cloud', 'Terraform'],
    'design scalable systems on public cloud platforms',
  ),
  s(
    'Cyber Security',
    3,
    ['threat modeling', 'network defense', 'secure authentication', 'vulnerability assessment', 'incident handling'],
    ['Wireshark', 'Burp Suite', 'Nmap', 'Metasploit'],
    'protect systems and data against real attacks',
  ),
  s(
    'Algorithms',
    3,
    ['sorting and searching', 'dynamic programming', 'graph traversal', 'greedy strategies', 'complexity analysis'],
    ['Python', 'Java', 'C++', 'LeetCode-style exercises'],
    'solve hard problems and pass technical interviews',
  ),
  s(
    'Data Structures',
    2,
    ['arrays and linked lists', 'hash tables', 'trees and heaps', 'graphs', 'amortized analysis'],
    ['Java', 'Python', 'C++', 'visualizers'],
    'choose the right structure for every problem',
  ),
  s(
    'TypeScript',
    3,
    ['static types', 'generics', 'union and intersection types', 'type narrowing', 'strict mode'],
    ['tsc', 'VS Code', 'Node.js', 'ESLint'],
    'catch bugs before they reach production',
  ),
  s(
    'React',
    3,
    ['components and props', 'hooks', 'state management', 'routing', 'performance tuning'],
    ['Vite', 'React DevTools', 'Jest', 'Testing Library'],
    'build fast, maintainable user interfaces',
  ),
  s(
    'Node.js',
    2,
    ['the event loop', 'streams', 'HTTP servers', 'working with databases', 'background jobs'],
    ['npm', 'Express', 'Fastify', 'PostgreSQL'],
    'build scalable back-end services',
  ),
  s(
    'Java',
    3,
    ['object-oriented design', 'collections', 'concurrency', 'the JVM', 'unit testing'],
    ['IntelliJ IDEA', 'Maven', 'Gradle', 'JUnit'],
    'write robust enterprise applications',
  ),
  s(
    'C++',
    2,
    ['memory management', 'templates', 'the standard library', 'move semantics', 'performance profiling'],
    ['GCC', 'Clang', 'CMake', 'gdb'],
    'write fast, low-level software',
  ),
  s(
    'Go',
    2,
    ['goroutines and channels', 'interfaces', 'error handling', 'HTTP services', 'testing'],
    ['the Go toolchain', 'Docker', 'gRPC', 'PostgreSQL'],
    'build simple, concurrent network services',
  ),
  s(
    'Rust',
    2,
    ['ownership and borrowing', 'traits', 'error handling', 'async programming', 'unsafe code'],
    ['Cargo', 'rustup', 'Clippy', 'Tokio'],
    'write safe and fast systems software',
  ),
  s(
    'SQL',
    3,
    ['joins', 'aggregation', 'window functions', 'indexes', 'query plans'],
    ['PostgreSQL', 'MySQL', 'SQLite', 'DBeaver'],
    'answer business questions straight from the database',
  ),
  s(
    'PostgreSQL',
    2,
    ['schema design', 'indexing strategies', 'transactions and isolation', 'replication', 'query tuning'],
    ['psql', 'pgAdmin', 'EXPLAIN ANALYZE', 'pg_stat_statements'],
    'run a reliable, fast relational database',
  ),
  s(
    'Docker',
    2,
    ['images and layers', 'containers', 'volumes and networking', 'multi-stage builds', 'Compose'],
    ['Docker Desktop', 'Docker Compose', 'BuildKit', 'registries'],
    'package and run applications consistently',
  ),
  s(
    'Kubernetes',
    2,
    ['pods and deployments', 'services and ingress', 'config and secrets', 'autoscaling', 'Helm charts'],
    ['kubectl', 'Helm', 'minikube', 'Prometheus'],
    'operate containerized workloads at scale',
  ),
  s(
    'Linux',
    2,
    ['the command line', 'file permissions', 'processes', 'shell scripting', 'system administration'],
    ['bash', 'systemd', 'ssh', 'vim'],
    'work confidently on any server',
  ),
  s(
    'Git',
    1,
    ['branching', 'merging and rebasing', 'pull requests', 'resolving conflicts', 'history rewriting'],
    ['Git', 'GitHub', 'GitLab', 'VS Code'],
    'collaborate on code without fear',
  ),
  s(
    'Deep Learning',
    3,
    ['convolutional networks', 'recurrent networks', 'transformers', 'transfer learning', 'training at scale'],
    ['PyTorch', 'TensorFlow', 'Keras', 'GPUs'],
    'build modern neural network models',
  ),
  s(
    'Artificial Intelligence',
    3,
    ['search and planning', 'knowledge representation', 'probabilistic reasoning', 'agents', 'ethics'],
    ['Python', 'PyTorch', 'notebooks', 'APIs'],
    'understand and apply modern AI techniques',
  ),
  s(
    'Natural Language Processing',
    2,
    ['tokenization', 'word embeddings', 'text classification', 'named entity recognition', 'large language models'],
    ['spaCy', 'Hugging Face Transformers', 'NLTK', 'PyTorch'],
    'make software understand human language',
  ),
  s(
    'Computer Vision',
    2,
    ['image processing', 'object detection', 'segmentation', 'data augmentation', 'video analysis'],
    ['OpenCV', 'PyTorch', 'torchvision', 'YOLO'],
    'teach machines to see',
  ),
  s(
    'Statistics',
    2,
    ['probability', 'hypothesis testing', 'regression', 'Bayesian thinking', 'experiment design'],
    ['R', 'Python', 'spreadsheets', 'Jupyter'],
    'reason clearly about uncertainty',
  ),
  s(
    'Data Engineering',
    2,
    ['data pipelines', 'batch and stream processing', 'data warehouses', 'orchestration', 'data quality'],
    ['Apache Spark', 'Airflow', 'Kafka', 'dbt'],
    'move and shape data reliably at scale',
  ),
  s(
    'Blockchain',
    1,
    ['consensus', 'smart contracts', 'wallets and keys', 'token standards', 'security audits'],
    ['Solidity', 'Ethereum', 'Hardhat', 'MetaMask'],
    'build decentralized applications',
  ),
  s(
    'Game Development',
    2,
    ['game loops', 'physics', 'level design', 'animation', 'publishing'],
    ['Unity', 'Unreal Engine', 'Godot', 'Blender'],
    'design and ship playable games',
  ),
  s(
    'UX Design',
    2,
    ['user research', 'wireframing', 'prototyping', 'usability testing', 'design systems'],
    ['Figma', 'Miro', 'Maze', 'FigJam'],
    'design products people love to use',
  ),
  s(
    'UI Design',
    1,
    ['typography', 'color theory', 'layout grids', 'components', 'accessibility'],
    ['Figma', 'Sketch', 'Adobe XD', 'Illustrator'],
    'craft clean, consistent interfaces',
  ),
  s(
    'Graphic Design',
    1,
    ['composition', 'branding', 'typography', 'print and digital formats', 'portfolio building'],
    ['Photoshop', 'Illustrator', 'InDesign', 'Canva'],
    'communicate ideas visually',
  ),
  s(
    'Digital Marketing',
    2,
    ['search engine optimization', 'content strategy', 'paid advertising', 'email campaigns', 'analytics'],
    ['Google Analytics', 'Google Ads', 'Mailchimp', 'HubSpot'],
    'grow an audience and measure what works',
  ),
  s(
    'Project Management',
    2,
    ['scope and planning', 'risk management', 'stakeholder communication', 'budgeting', 'retrospectives'],
    ['Jira', 'Trello', 'Asana', 'Gantt charts'],
    'deliver projects on time and on budget',
  ),
  s(
    'Agile and Scrum',
    1,
    ['sprints', 'user stories', 'backlog refinement', 'estimation', 'team ceremonies'],
    ['Jira', 'Miro', 'Confluence', 'Kanban boards'],
    'run effective, self-organizing teams',
  ),
  s(
    'Excel',
    2,
    ['formulas', 'pivot tables', 'charts', 'Power Query', 'macros'],
    ['Excel', 'Power Query', 'VBA', 'Power BI'],
    'analyze and report on data quickly',
  ),
  s(
    'Product Management',
    1,
    ['discovery', 'roadmapping', 'prioritization', 'metrics', 'launches'],
    ['Jira', 'Amplitude', 'Figma', 'Notion'],
    'decide what to build and why',
  ),
  s(
    'Software Testing',
    1,
    ['unit tests', 'integration tests', 'test-driven development', 'mocking', 'end-to-end tests'],
    ['Jest', 'pytest', 'Playwright', 'Cypress'],
    'ship changes with confidence',
  ),
  s(
    'System Design',
    2,
    ['load balancing', 'caching', 'sharding and replication', 'message queues', 'consistency trade-offs'],
    ['Redis', 'Kafka', 'PostgreSQL', 'CDNs'],
    'design systems that scale to millions of users',
  ),
  s(
    'Swift',
    1,
    ['optionals', 'protocols', 'SwiftUI', 'concurrency', 'Core Data'],
    ['Xcode', 'SwiftUI', 'TestFlight', 'Instruments'],
    'build native apps for Apple platforms',
  ),
  s(
    'Kotlin',
    1,
    ['null safety', 'coroutines', 'Jetpack Compose', 'collections', 'multiplatform'],
    ['Android Studio', 'Gradle', 'Jetpack Compose', 'Ktor'],
    'build modern Android and server apps',
  ),
  s(
    'Networking',
    1,
    ['the TCP/IP model', 'routing and switching', 'DNS', 'subnetting', 'troubleshooting'],
    ['Wireshark', 'Cisco Packet Tracer', 'tcpdump', 'nmap'],
    'understand and fix the networks everything runs on',
  ),
  s(
    'Ethical Hacking',
    1,
    ['reconnaissance', 'exploitation', 'privilege escalation', 'web application attacks', 'reporting'],
    ['Kali Linux', 'Metasploit', 'Burp Suite', 'Nmap'],
    'find vulnerabilities before attackers do',
  ),
];

export const ADJECTIVES = [
  'Complete',
  'Advanced',
  'Practical',
  "Beginner's",
  'Professional',
  'Modern',
  'Essential',
  'Ultimate',
  'Hands-On',
  'Intensive',
  'Applied',
  'Comprehensive',
  'Intermediate',
  'Definitive',
  'Pragmatic',
  'Real-World',
  'Accelerated',
  'Introductory',
] as const;

export const FORMATS = [
  'Bootcamp',
  'Masterclass',
  'Course',
  'Workshop',
  'Crash Course',
  'Fundamentals',
  'Essentials',
  'Guide',
  'Deep Dive',
  'Specialization',
  'Projects',
  'Training',
] as const;

const AUDIENCES = [
  'Absolute Beginners',
  'Busy Professionals',
  'Developers',
  'Data Analysts',
  'Career Changers',
  'Students',
  'Engineers',
  'Team Leads',
] as const;

const TAGLINES = [
  'From Zero to Hero',
  'Build Real Projects',
  'Step by Step',
  'The Hard Parts',
  'Ace the Interview',
  'Learn by Doing',
] as const;

const cumulativeWeights = SUBJECTS.reduce<number[]>((acc, subject) => [...acc, (acc.at(-1) ?? 0) + subject.weight], []);
const totalWeight = cumulativeWeights.at(-1) ?? 0;

/** A subject drawn by weight: Python and JavaScript are six times as common as Git or Swift. */
export function pickSubject(rng: Rng): Subject {
  const target = rng() * totalWeight;
  const index = cumulativeWeights.findIndex((limit) => target < limit);
  return SUBJECTS[index === -1 ? SUBJECTS.length - 1 : index];
}

export interface GeneratedTitle {
  title: string;
  subject: Subject;
}

/**
 * A course title such as "Complete Python Bootcamp" or "Machine Learning for Developers: Build Real Projects",
 * with the subject it is about (pass it to `courseDescription`). `i`, the course's position in the catalog,
 * numbers a few titles as series parts and editions so that titles repeat less.
 */
export function courseTitle(rng: Rng, i: number): GeneratedTitle {
  const subject = pickSubject(rng);
  const name = subject.name;
  const adjective = pick(rng, ADJECTIVES);
  const format = pick(rng, FORMATS);
  let title: string;
  switch (Math.floor(rng() * 8)) {
    case 0:
      title = `${adjective} ${name}`;
      break;
    case 1:
    case 2:
      title = `${adjective} ${name} ${format}`;
      break;
    case 3:
      title = `${name} ${format}: ${pick(rng, TAGLINES)}`;
      break;
    case 4:
      title = `${name} for ${pick(rng, AUDIENCES)}`;
      break;
    case 5:
      title = `Mastering ${name}: ${adjective} Techniques`;
      break;
    case 6:
      title = `${adjective} ${name}: ${pick(rng, subject.topics).replace(/^./, (c) => c.toUpperCase())}`;
      break;
    default:
      title = `The ${adjective} ${name} ${format}`;
  }
  const suffix = rng();
  if (suffix < 0.08) title += ` — Part ${(i % 4) + 2}`;
  else if (suffix < 0.14) title += ` (${2019 + (i % 7)} Edition)`;
  return { title, subject };
}

type Fill = (rng: Rng, subject: Subject) => string;

const topic: Fill = (rng, subject) => pick(rng, subject.topics);
const tool: Fill = (rng, subject) => pick(rng, subject.tools);
const twoTopics: Fill = (rng, subject) => pickTwo(rng, subject.topics).join(' and ');
const twoTools: Fill = (rng, subject) => pickTwo(rng, subject.tools).join(' and ');

/**
 * Sentence templates by paragraph; `{S}` is the subject, `{t}` a topic, `{tt}` two topics, `{x}` a tool,
 * `{xx}` two tools, `{o}` the outcome. Generic catalog words (complete, advanced, practical, beginner, professional)
 * each sit in only one or two templates, so they appear in a realistic share of descriptions (roughly 10–35%),
 * not in nearly all of them.
 */
const OPENINGS = [
  'This course is a structured introduction to {S} for anyone who wants to {o}.',
  '{S} is one of the most valuable skills you can learn today, and this course shows you how to use it well.',
  'Whether you are just starting out or refreshing your knowledge, this course will help you {o}.',
  'In this course you will learn {S} the way it is used on real teams, not just in textbook examples.',
  'Companies everywhere are looking for people who know {S}, and this course gives you a solid, practical foundation.',
  'Learning {S} does not have to be overwhelming: we break it down into small, focused lessons.',
  'This is the course I wish I had when I first started working with {S}.',
  'Want to {o}? This course takes you there one clear step at a time.',
  'Here you will go from reading about {S} to actually using it.',
  'Most people who try to learn {S} get stuck on {t}; this course makes sure you do not.',
];

const CONTEXT = [
  'We start from first principles and build up to {tt}, one concept at a time.',
  'Every idea is introduced with a short explanation, a live demonstration and an exercise you solve yourself.',
  'You will see why {t} matters and how experienced practitioners approach it.',
  'Along the way we use {xx}, so you get comfortable with the tools that working engineers rely on.',
  'The material has been updated to reflect current best practices in {S}.',
  'Instead of memorizing syntax, you will learn to think like an engineer and reason about trade-offs.',
  'Each module ends with a quiz so you can check your understanding before moving on.',
  'The pace is steady but never rushed, and every lecture builds on the previous one.',
  'Clear diagrams and worked examples make even the tricky parts of {S} easy to follow.',
  'You will also learn how to read documentation and find answers on your own.',
  'The instructor has taught {S} to thousands of learners and knows where people usually struggle.',
  'We focus on the ideas that matter most and leave out trivia you will never use.',
];

const LEARN = [
  'You will learn {tt}, and how they fit together in a real project.',
  'We cover {t} in depth, with examples taken from production code.',
  'You will work through {t} using {x} until it feels natural.',
  'A full module is dedicated to {t}, a topic many courses skip.',
  'You will understand common mistakes with {t} and how to avoid them.',
  'We explore {t} step by step and then apply it to a larger case study.',
  'You will get hands-on experience with {x} and learn when to reach for it.',
  'By working through realistic exercises you will get comfortable with {tt}.',
  'We compare different approaches to {t} and discuss when each one is the right choice.',
  'You will build a small but complete application that ties together everything covered so far.',
  'Later sections go beyond the basics and show how {t} works under the hood.',
  'You will write, test and debug your own code with {x}.',
  'You will set up {x} from scratch and use it throughout the course.',
  'We walk through {t} with several short examples before you try it yourself.',
  'You will learn how {t} is used in industry and why it matters.',
  'A dedicated lesson shows how {xx} work together.',
  'You will refactor an existing project to use {t} properly.',
  'We look at {t} from the ground up and clear up the most common misconceptions.',
  'You will solve a series of exercises on {tt}, each a little harder than the last.',
  'You will learn to measure, troubleshoot and improve your work with {x}.',
  'Case studies show how real teams applied {t} and what they learned.',
  'You will learn the vocabulary of {S} so you can follow conversations with experienced colleagues.',
];

const AUDIENCE = [
  'This course is designed for beginners, but there is plenty here for experienced learners too.',
  'No prior experience with {S} is required; basic computer skills are enough to get started.',
  'It is a great fit for students, career changers and working professionals who want to {o}.',
  'If you already know the basics, you can skip ahead to the sections on {t}.',
  'Developers, analysts and team leads have used this course to level up their {S} skills.',
  'If you are preparing for an advanced role or a certification, the later modules are for you.',
  'You only need a laptop, an internet connection and curiosity.',
  'Learners from over a hundred countries have taken this course.',
  'It works well as a refresher if you have not touched {S} in a while.',
];

const FORMAT = [
  'The course includes video lectures, downloadable resources, coding exercises and a final project.',
  'All source code is available, and every lesson comes with notes you can review later.',
  'Lessons are short, so you can make steady progress even with a busy schedule.',
  'You can ask questions in the discussion forum, where the instructor answers within a day.',
  'Graded assignments with detailed solutions help you turn knowledge into skill.',
  'You will finish with a portfolio project that demonstrates your {S} skills to employers.',
  'Subtitles and transcripts are available for every video.',
  'You get lifetime access, including all future updates to the course.',
  'A certificate of completion is available when you finish.',
  'Each section comes with a cheat sheet you can keep on your desk.',
];

const CLOSINGS = [
  'By the end of the course you will be able to {o} with confidence.',
  'Join thousands of students and start your {S} journey today.',
  'Enroll now and take the next step in your career.',
  'See you in the first lesson!',
  'Start learning {S} today and build skills that last.',
  'Let us get started.',
];

function render(rng: Rng, template: string, subject: Subject): string {
  return template.replace(/\{(S|tt|t|xx|x|o)\}/g, (_, key: string) => {
    switch (key) {
      case 'S':
        return subject.name;
      case 't':
        return topic(rng, subject);
      case 'tt':
        return twoTopics(rng, subject);
      case 'x':
        return tool(rng, subject);
      case 'xx':
        return twoTools(rng, subject);
      default:
        return subject.outcome;
    }
  });
}

/** `count` distinct sentences from `templates`, in random order, rendered for `subject`. */
function sentences(rng: Rng, templates: readonly string[], count: number, subject: Subject): string[] {
  const pool = [...templates];
  const chosen: string[] = [];
  for (let n = 0; n < count && pool.length > 0; n++) {
    const [template] = pool.splice(Math.floor(rng() * pool.length), 1);
    chosen.push(render(rng, template, subject));
  }
  return chosen;
}

/**
 * A course description of roughly 150–320 words in four or five paragraphs, all about `subject`:
 * an introduction, what the course covers, who it is for, how it is taught and a closing line.
 */
export function courseDescription(rng: Rng, subject: Subject): string {
  const paragraphs = [
    [...sentences(rng, OPENINGS, 1, subject), ...sentences(rng, CONTEXT, randomInt(rng, 2, 4), subject)],
    sentences(rng, LEARN, randomInt(rng, 4, 7), subject),
    sentences(rng, AUDIENCE, randomInt(rng, 1, 3), subject),
    [...sentences(rng, FORMAT, randomInt(rng, 2, 4), subject), ...sentences(rng, CLOSINGS, 1, subject)],
  ];
  return paragraphs.map((paragraph) => paragraph.join(' ')).join('\n\n');
}

const FIRST_NAMES = [
  'James',
  'Maria',
  'Wei',
  'Aisha',
  'Carlos',
  'Olga',
  'David',
  'Priya',
  'Michael',
  'Elena',
  'Ahmed',
  'Sofia',
  'Daniel',
  'Yuki',
  'Anna',
  'Lucas',
  'Fatima',
  'Ivan',
  'Emma',
  'Kenji',
  'Laura',
  'Omar',
  'Sarah',
  'Dmitry',
  'Chloe',
  'Raj',
  'Hannah',
  'Mateo',
  'Grace',
  'Nikolai',
];

const LAST_NAMES = [
  'Smith',
  'Garcia',
  'Chen',
  'Khan',
  'Rodriguez',
  'Ivanova',
  'Johnson',
  'Patel',
  'Brown',
  'Petrova',
  'Hassan',
  'Rossi',
  'Miller',
  'Tanaka',
  'Kowalski',
  'Silva',
  'Ali',
  'Smirnov',
  'Wilson',
  'Sato',
  'Martin',
  'Nguyen',
  'Taylor',
  'Kuznetsov',
  'Dubois',
  'Sharma',
  'Anderson',
  'Lopez',
  'Kim',
  'Novak',
];

/** A person's display name, such as "Priya Kowalski". */
export function personName(rng: Rng): string {
  return `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`;
}
