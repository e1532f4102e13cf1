import { usePageTitle } from '../components/usePageTitle.js';

export function ReflectionsPage() {
  usePageTitle('Reflections');
  return <h1>Reflections</h1>;
}
