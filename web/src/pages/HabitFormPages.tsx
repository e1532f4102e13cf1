import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api, type HabitDetail } from '../api.js';
import { HabitForm, emptyValues, valuesOf } from '../components/HabitForm.js';
import { LoadError, Loading } from '../components/common.js';
import { usePageTitle } from '../components/usePageTitle.js';

function useSaved(verb: string) {
  const navigate = useNavigate();
  const client = useQueryClient();
  return async (habit: HabitDetail) => {
    await client.invalidateQueries();
    navigate(`/habits/${habit.slug}`, { state: { message: `${habit.name}: ${verb}.` } });
  };
}

export function NewHabitPage() {
  usePageTitle('New habit');
  const navigate = useNavigate();
  const saved = useSaved('added');
  return (
    <>
      <p className="crumbs">
        <Link to="/habits">Habits</Link> / new
      </p>
      <h1>New habit</h1>
      <p className="lede">Habits shape who you become. Name it, say who it makes you, and make it obvious, attractive, easy and satisfying.</p>
      <HabitForm mode="create" initial={emptyValues()} submitLabel="Add habit" onSaved={saved} onCancel={() => navigate(-1)} />
    </>
  );
}

export function EditHabitPage() {
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const habit = useQuery({ queryKey: ['habit', slug], queryFn: () => api.habit(slug) });
  usePageTitle(habit.data ? `Edit ${habit.data.name}` : 'Edit habit');
  const saved = useSaved('saved');
  if (habit.isPending) return <Loading what="the habit" />;
  if (habit.isError) return <LoadError error={habit.error} />;
  return (
    <>
      <p className="crumbs">
        <Link to="/habits">Habits</Link> / <Link to={`/habits/${slug}`}>{habit.data.name}</Link> / edit
      </p>
      <h1>Edit {habit.data.name}</h1>
      <HabitForm
        key={habit.data.id}
        mode="edit"
        slug={habit.data.slug}
        initial={valuesOf(habit.data)}
        submitLabel="Save changes"
        onSaved={saved}
        onCancel={() => navigate(`/habits/${slug}`)}
      />
    </>
  );
}
