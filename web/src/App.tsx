import { useEffect, useState } from 'react';
import { Route, Routes } from 'react-router';
import { UNAUTHENTICATED_EVENT } from './api.js';
import { Layout } from './components/Layout.js';
import { SignedOutPage } from './pages/SignedOutPage.js';
import { TodayPage } from './pages/TodayPage.js';
import { HabitsPage } from './pages/HabitsPage.js';
import { HabitPage } from './pages/HabitPage.js';
import { NewHabitPage, EditHabitPage } from './pages/HabitFormPages.js';
import { ScorecardPage } from './pages/ScorecardPage.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { SkillsPage } from './pages/SkillsPage.js';
import { SkillPage } from './pages/SkillPage.js';
import { LogPage } from './pages/LogPage.js';
import { PathsPage } from './pages/PathsPage.js';
import { PlanPage } from './pages/PlanPage.js';
import { LibraryPage } from './pages/LibraryPage.js';
import { LearningItemPage } from './pages/LearningItemPage.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { JournalPage } from './pages/JournalPage.js';
import { JournalEntryPage } from './pages/JournalEntryPage.js';
import { JournalEditorPage } from './pages/JournalEditorPage.js';
import { ReflectionsPage } from './pages/ReflectionsPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';

export function App() {
  const [signedOut, setSignedOut] = useState<null | 'expired' | 'signed-out'>(null);
  useEffect(() => {
    const onUnauthenticated = () => setSignedOut((s) => s ?? 'expired');
    window.addEventListener(UNAUTHENTICATED_EVENT, onUnauthenticated);
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, onUnauthenticated);
  }, []);

  if (signedOut) return <SignedOutPage reason={signedOut} />;
  return (
    <Routes>
      <Route element={<Layout onSignedOut={() => setSignedOut('signed-out')} />}>
        <Route index element={<TodayPage />} />
        <Route path="habits" element={<HabitsPage />} />
        <Route path="habits/new" element={<NewHabitPage />} />
        <Route path="habits/:slug" element={<HabitPage />} />
        <Route path="habits/:slug/edit" element={<EditHabitPage />} />
        <Route path="scorecard" element={<ScorecardPage />} />
        <Route path="skills" element={<SkillsPage />} />
        <Route path="skills/:id" element={<SkillPage />} />
        <Route path="log" element={<LogPage />} />
        <Route path="paths" element={<PathsPage />} />
        <Route path="plan" element={<PlanPage />} />
        <Route path="library" element={<LibraryPage />} />
        <Route path="library/:id" element={<LearningItemPage />} />
        <Route path="review" element={<ReviewPage />} />
        <Route path="journal" element={<JournalPage />} />
        <Route path="journal/new" element={<JournalEditorPage />} />
        <Route path="journal/:id" element={<JournalEntryPage />} />
        <Route path="journal/:id/edit" element={<JournalEditorPage />} />
        <Route path="reflections" element={<ReflectionsPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
