// lint-staged.config.js — with husky: .husky/pre-commit runs `npx lint-staged`.
// lint-staged hides unstaged changes while it runs and passes the staged files' absolute paths.
export default {
  '*': 'jpii scan --no-progress',
};
