// Adds `toBeInTheDocument()` and friends to Vitest's `expect`.
import '@testing-library/jest-dom/vitest';
