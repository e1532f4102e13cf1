import { Component, Suspense, lazy, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { UNAUTHENTICATED_EVENT } from './api.js';
import { Layout } from './components/Layout.js';
import { LoadError, Loading } from './components/common.js';
import { SignedOutPage, type SignedOutReason } from './pages/SignedOutPage.js';
// Today is the first page: it comes with the entry, so opening grow waits for no second request.
import { TodayPage } from './pages/TodayPage.js';

/** A page loaded the first time it is opened, so the first page carries only its own code. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const HabitsPage = page(() => import('./pages/HabitsPage.js'), 'HabitsPage');
const HabitPage = page(() => import('./pages/HabitPage.js'), 'HabitPage');
const NewHabitPage = page(() => import('./pages/HabitFormPages.js'), 'NewHabitPage');
const EditHabitPage = page(() => import('./pages/HabitFormPages.js'), 'EditHabitPage');
const ScorecardPage = page(() => import('./pages/ScorecardPage.js'), 'ScorecardPage');
const SettingsPage = page(() => import('./pages/SettingsPage.js'), 'SettingsPage');
const SkillsPage = page(() => import('./pages/SkillsPage.js'), 'SkillsPage');
const SkillPage = page(() => import('./pages/SkillPage.js'), 'SkillPage');
const LogPage = page(() => import('./pages/LogPage.js'), 'LogPage');
const PathsPage = page(() => import('./pages/PathsPage.js'), 'PathsPage');
const PlanPage = page(() => import('./pages/PlanPage.js'), 'PlanPage');
const LibraryPage = page(() => import('./pages/LibraryPage.js'), 'LibraryPage');
const LearningItemPage = page(() => import('./pages/LearningItemPage.js'), 'LearningItemPage');
const ReviewPage = page(() => import('./pages/ReviewPage.js'), 'ReviewPage');
const JournalPage = page(() => import('./pages/JournalPage.js'), 'JournalPage');
const JournalEntryPage = page(() => import('./pages/JournalEntryPage.js'), 'JournalEntryPage');
const JournalEditorPage = page(() => import('./pages/JournalEditorPage.js'), 'JournalEditorPage');
const ReflectionsPage = page(() => import('./pages/ReflectionsPage.js'), 'ReflectionsPage');
const NotFoundPage = page(() => import('./pages/NotFoundPage.js'), 'NotFoundPage');

/** A page whose code could not be fetched (offline, or a newer grow replaced the files), or that failed to draw, says so in the main area; the header stays usable. */
class PageBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: undefined as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    return this.state.error === undefined ? this.props.children : <LoadError error={this.state.error} />;
  }
}

/** While a page's code loads, the header stays and the main area says so, as while its data loads. */
function Lazy({ children }: { children: ReactNode }) {
  return (
    <PageBoundary>
      <Suspense fallback={<Loading what="the page" />}>{children}</Suspense>
    </PageBoundary>
  );
}

export function App() {
  // The server answers an unusable sign-in link (/login?token=…) with this app, to say so.
  const [signedOut, setSignedOut] = useState<null | SignedOutReason>(() => (window.location.pathname === '/login' ? 'link' : null));
  useEffect(() => {
    const onUnauthenticated = () => setSignedOut((s) => s ?? 'expired');
    window.addEventListener(UNAUTHENTICATED_EVENT, onUnauthenticated);
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, onUnauthenticated);
  }, []);

  if (signedOut) return <SignedOutPage reason={signedOut} />;
  const lazyRoute = (path: string, Page: ComponentType) => (
    <Route
      path={path}
      element={
        <Lazy>
          <Page />
        </Lazy>
      }
    />
  );
  return (
    <Routes>
      <Route element={<Layout onSignedOut={() => setSignedOut('signed-out')} />}>
        <Route index element={<TodayPage />} />
        {lazyRoute('habits', HabitsPage)}
        {lazyRoute('habits/new', NewHabitPage)}
        {lazyRoute('habits/:slug', HabitPage)}
        {lazyRoute('habits/:slug/edit', EditHabitPage)}
        {lazyRoute('scorecard', ScorecardPage)}
        {lazyRoute('skills', SkillsPage)}
        {lazyRoute('skills/:id', SkillPage)}
        {lazyRoute('log', LogPage)}
        {lazyRoute('paths', PathsPage)}
        {lazyRoute('plan', PlanPage)}
        {lazyRoute('library', LibraryPage)}
        {lazyRoute('library/:id', LearningItemPage)}
        {lazyRoute('review', ReviewPage)}
        {lazyRoute('journal', JournalPage)}
        {lazyRoute('journal/new', JournalEditorPage)}
        {lazyRoute('journal/:id', JournalEntryPage)}
        {lazyRoute('journal/:id/edit', JournalEditorPage)}
        {lazyRoute('reflections', ReflectionsPage)}
        {lazyRoute('settings', SettingsPage)}
        {lazyRoute('*', NotFoundPage)}
      </Route>
    </Routes>
  );
}
