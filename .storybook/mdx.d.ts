// MDX files (docs pages and guides) compile to components that Storybook renders.
declare module '*.mdx' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
